"""How long a text an office imports may be, and how a longer one is cut for print.

An import refuses a longer value row by row, with its row and column, so the office
shortens it and imports again; nothing is written. What was imported before these bounds
is cut with "…" where it is printed. Where the wire format already bounds a text
(`sync.protocol`), the import uses that bound instead, so an import never accepts what a
device could not send back.
"""

from __future__ import annotations

import unicodedata

# A venue's name as on its sign or its licence (a company's registered name with its
# branch fits); a placard shows two lines of it, the find list one column.
VENUE_NAME_MAX = 100
# A full address: town, village, road, number, building and room.
ADDRESS_MAX = 200
# A person's name with a title or a second contact ("张三（店长）/李四"); the wire bounds a
# household member's name the same (sync.protocol.people.MemberPayload).
PERSON_NAME_MAX = 100
# A registered person's note (备注), as the wire bounds it.
PERSON_NOTE_MAX = 2000
# A household's number (户号, DM-021) and its building or hamlet (楼栋 / 屯), as typed.
HOUSEHOLD_CODE_MAX = 40
BUILDING_MAX = 100
# A mobile and a landline with its area code and extension, with separators.
PHONE_MAX = 50
# A checklist's title, a section's heading: one line on every screen that shows them.
HEADING_MAX = 100
# An item's question in one language: the item card shows it above the answer field, so
# it must leave the answer on screen; the longest shipped item is under 100 characters.
ITEM_TEXT_MAX = 500
# A choice's option in one language: one line of the list the inspector picks from.
OPTION_MAX = 100
# An item's legal basis or its note to the inspector (the longest shipped one is ~200).
GUIDANCE_MAX = 500

# A venue kind's name in one language, as an office imports it (足浴店, "Foot-massage
# shop"), and its short name: lists, filters and the placard's heading say it whole; the
# longest shipped one is 25 characters.
KIND_NAME_MAX = 30
# The code of a kind or a grid level the office adds (foot_massage): a catalogue key and
# part of file names; `fieldapp.domain.office.CODE_RE` takes no longer one.
OFFICE_CODE_MAX = 40
# A kind's short name in a list's column (home's due list, find venue), in terminal
# cells: the shipped short names fit in 12 (学校幼儿园, Three-in-one), which leaves the
# venue's name its room at 80 columns.
KIND_SHORT_CELLS = 12

# A venue's texts by the column an import reads them from.
VENUE_TEXT_MAX = {
    "name": VENUE_NAME_MAX,
    "address": ADDRESS_MAX,
    "contact": PERSON_NAME_MAX,
    "phone": PHONE_MAX,
}


def shortened(text: str, limit: int) -> str:
    """The text, cut to at most `limit` characters with "…" when it is longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _cells(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def narrowed(text: str, cells: int) -> str:
    """The text, cut to at most `cells` terminal cells (a Chinese character takes two)
    with "…" when it is wider."""
    if sum(map(_cells, text)) <= cells:
        return text
    kept, used = [], 1  # the "…" takes one
    for char in text:
        used += _cells(char)
        if used > cells:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"
