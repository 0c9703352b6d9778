"""What a person types into a form, read the same way in every form: a list of entries
(evidence files, photos, the people involved) and a date.

A list is separated by `;` as the labels say, by the full-width `；` a Chinese keyboard
types in its place, or one entry a line; the people involved may also be listed with the
enumeration comma `、` (王某、李某), which a file's name may hold and so does not separate
files. A date is year, month and day with `-`, `/` or `.` between them (2026-12-20,
2026/12/20, 2026.12.20, 2026/1/5) and is held as ISO."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from fieldapp.i18n import t

_ENTRIES = re.compile(r"[;；\n]")
_NAMES = re.compile(r"[;；\n、]")
_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")


def typed_entries(text: str) -> list[str]:
    """The entries of a typed list (file paths: a space inside one is kept), stripped,
    the empty ones left out."""
    return [entry.strip() for entry in _ENTRIES.split(text) if entry.strip()]


def typed_names(text: str) -> list[str]:
    """`typed_entries` for a list of people, where `、` separates too."""
    return [entry.strip() for entry in _NAMES.split(text) if entry.strip()]


def typed_date(text: str) -> dt.date:
    """The date `text` writes (2026-12-20, 2026/12/20 or 2026.12.20); ValueError when it
    writes none."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a date: {text!r}")
    year, _, month, day = match.groups()
    return dt.date(int(year), int(month), int(day))


def no_such_day(text: str) -> str | None:
    """What to say of `text` when it is written as a date (2026-02-30, 2026-13-01) but that
    day or month does not exist; None when it is a real day or not written as a date at all
    (then the form's own 'not a date, write year-month-day' sentence fits)."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (int(match[group]) for group in (1, 3, 4))
    if not 1 <= month <= 12:
        return t("date.no_such_month", month=month)
    try:
        dt.date(year, month, day)
    except ValueError:
        return t("date.no_such_day", year=year, month=t(f"date.month.{month}"), day=day)
    return None


_TIME = re.compile(r"(\d{1,2}):(\d{1,2})(?::\d{1,2}(?:\.\d+)?)?")


def no_such_time(text: str) -> str | None:
    """What to say of a time of day written as one (25:61, 06:75) whose hour or minute does
    not exist; None when it is a real time or not written as a time at all."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour > 23:
        return t("date.no_such_hour", hour=hour)
    if minute > 59:
        return t("date.no_such_minute", minute=minute)
    return None


def iso_date_first(text: str) -> str:
    """`text` with a typed date at its start written as ISO (2026/02/11 06:40 →
    2026-02-11 06:40), so a time typed like a date is read like one; else unchanged."""
    head, space, rest = text.strip().partition(" ")
    try:
        return typed_date(head).isoformat() + space + rest
    except ValueError:
        return text


# Emoji Unicode files as letters or digits: ℹ, and a letter or digit drawn as a picture
# by the emoji selector or keycap after it (ℹ️, 1️⃣).
_EMOJI_LETTERS = frozenset("\u2139")
_DRAWN = ("\ufe0f", "\u20e3")


def written(text: str) -> list[str]:
    """The letters (a Chinese character is one) and digits of `text`, the characters that
    write something: emoji (😀, ℹ️, 1️⃣), punctuation and spaces are left out."""
    return [
        char
        for at, char in enumerate(text)
        if char.isalnum() and char not in _EMOJI_LETTERS and not text.startswith(_DRAWN, at + 1)
    ]


def says_something(text: str, least: int = 4) -> bool:
    """Whether a typed reason says something: at least two Chinese characters or four
    letters (a Chinese character, wide, weighs two letters; "标牌丢失", "坏了" and "lost"
    do). Emoji, punctuation, digits and spaces do not count: "。。", "x", "1 2", "ℹ️ℹ️ℹ️ℹ️"
    and the two letters of "。。 ,, ab" say nothing."""
    weight = sum(
        2 if unicodedata.east_asian_width(char) == "W" else 1
        for char in written(text)
        if char.isalpha()
    )
    return weight >= least
