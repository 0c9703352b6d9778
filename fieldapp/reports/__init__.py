"""Exports: CSV/XLSX, PDF rectification notices, placards. No Textual here."""

# A letter goes to a Chinese agency (派出所, 消防大队…): it is written in Chinese whatever
# language the person's screen speaks; refusals to write one are said in the screen's.
LETTER_LANGUAGE = "zh"
