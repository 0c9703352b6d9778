"""The people registry's vocabulary: tags a person may carry, sexes, who may reveal.

Tags are the groups the source plans follow (户不漏人): residents, tenants and the
floating population (流动人口), returnees from risk areas, controlled persons (管控对象,
followed by a 三包一 team), the elderly living alone, left-behind children.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

PERSON_TAGS: tuple[str, ...] = (
    "resident",
    "tenant",
    "returnee",
    "controlled",
    "elderly_alone",
    "left_behind_child",
)
SEXES: tuple[str, ...] = ("male", "female")

# A run of digits as long as a mobile number: an ID number or phone typed into a free-text
# field (a name, a note, an address) would be shown and exported unmasked.
_NUMBER_IN_TEXT = re.compile(r"\d{11,}")


def holds_id_or_phone(text: str) -> bool:
    return bool(_NUMBER_IN_TEXT.search(text))


def household_unfindable(code: str, address: str, held: tuple[str, str] | None) -> bool:
    """Neither a 户号 nor an address: nobody finds the household on the next visit (the
    building alone names a block, not a door). A new household (`held` None) is refused
    it, and so is an edit that clears both of a household held with either; one held with
    neither already (from before the rule) is not refused for it, so its people still save.
    `held` is the held household's (code, address)."""
    if code.strip() or address.strip():
        return False
    return held is None or any(value.strip() for value in held)


# Roles that may open a masked ID number or phone (each reveal is audited).
REVEAL_ROLES: frozenset[str] = frozenset({"supervisor", "admin"})

EARLIEST_BIRTH_YEAR = 1900


def birth_year_problem(year: int | None, this_year: int) -> str | None:
    if year is None:
        return None
    if not EARLIEST_BIRTH_YEAR <= year <= this_year:
        return f"the birth year must be between {EARLIEST_BIRTH_YEAR} and {this_year}"
    return None


def date_not_come(day: dt.date | None, today: dt.date, held: dt.date | None = None) -> bool:
    """A person's arrival or departure date that has not come yet (2030 for 2026: a slip
    of the year; a plan is not a record). The one rule of the device's form and the
    server's people checks; a date held already, sent unchanged, is not judged again
    (records from before the rule still save)."""
    return day is not None and day > today and day != held


def left_before_arrived(arrived: dt.date | None, left: dt.date | None) -> bool:
    """A departure before the arrival (one of them mistyped): the one rule of the device's
    form and the office's registry import."""
    return arrived is not None and left is not None and left < arrived


# What office spreadsheets write for the tags and sexes (import accepts either spelling).
TAG_ALIASES: dict[str, str] = {
    "常住": "resident",
    "常住人口": "resident",
    "户籍": "resident",
    "租户": "tenant",
    "流动人口": "tenant",
    "返乡": "returnee",
    "返乡人员": "returnee",
    "管控": "controlled",
    "管控对象": "controlled",
    "独居老人": "elderly_alone",
    "留守儿童": "left_behind_child",
}
SEX_ALIASES: dict[str, str] = {"男": "male", "女": "female", "m": "male", "f": "female"}


def tag_of(text: str) -> str | None:
    text = text.strip()
    if text in PERSON_TAGS:
        return text
    return TAG_ALIASES.get(text)


def sex_of(text: str) -> str | None:
    text = text.strip()
    if not text:
        return ""
    if text in SEXES:
        return text
    return SEX_ALIASES.get(text.lower())


MERGED_FIELDS = ("sex", "birth_year", "arrived_on", "left_on", "note")


def merged_member(keep: dict[str, object], drop: dict[str, object]) -> dict[str, object]:
    """Two records of one person made one: `keep`'s values win, its gaps are filled from
    `drop`, the tags are the union, the registration date is the earliest known. Sealed
    values are the caller's (they are bound to their owner and must be sealed again for
    `keep`)."""
    out = dict(keep)
    for name in MERGED_FIELDS:
        if not out.get(name) and drop.get(name):
            out[name] = drop[name]
    tags = set(keep.get("tags") or ()) | set(drop.get("tags") or ())  # type: ignore[call-overload]
    out["tags"] = [tag for tag in PERSON_TAGS if tag in tags]
    known = [day for day in (keep.get("registered_on"), drop.get("registered_on")) if day]
    out["registered_on"] = min(known) if known else None  # type: ignore[type-var]
    return out


def duplicate_keys(member: dict[str, object]) -> list[tuple[str, ...]]:
    """The keys under which two records are the same person: the ID number's lookup, or
    name + birth year + the phone's lookup when all three are known."""
    keys: list[tuple[str, ...]] = []
    if member.get("id_lookup"):
        keys.append(("id", str(member["id_lookup"])))
    if member.get("name") and member.get("birth_year") and member.get("phone_lookup"):
        keys.append(
            ("nbp", str(member["name"]), str(member["birth_year"]), str(member["phone_lookup"]))
        )
    return keys


def grid_a_number_names(number: str, grid_codes: Iterable[str]) -> str | None:
    """The grid whose code a household number (户号) begins with, as numbers made from the
    grid's code read (T01-DM-1-07: T01-DM-1, the longest such code, not T01-DM), or None
    (a village's own numbering, 3-201, names none). The server takes any number: a number
    naming another grid is a slip to point out, not a refusal."""
    typed = number.strip().casefold()
    named = [code for code in grid_codes if typed.startswith(code.casefold() + "-")]
    return max(named, key=len) if named else None
