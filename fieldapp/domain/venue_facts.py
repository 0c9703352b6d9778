"""Venue attributes as a checklist uses them (has_gas, rooms, floors…).

Which attributes a checklist's conditions and repeat counts read, which section counts
its repeats from the venue, which items a recorded attribute leaves unasked (and so the
inspector may be told why), and a correction merged into what the venue holds.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from typing import Any

from fieldapp.domain.checklist import MAX_INSTANCES, Checklist, Section
from fieldapp.domain.conditions import Context, evaluate, item_references
from fieldapp.domain.expr_types import BOOL, COUNT_ATTRIBUTES, VENUE_ATTRIBUTES
from fieldapp.domain.expressions import Ref, parse, references

Value = bool | int | float


@lru_cache(maxsize=4096)
def venue_references(text: str) -> tuple[str, ...]:
    """The venue attributes an expression text reads, in reading order."""
    if not text:
        return ()
    names = [ref.name for ref in references(parse(text)) if ref.kind == "venue"]
    return tuple(dict.fromkeys(names))


def repeat_count(repeat: str) -> str | None:
    """The venue attribute a section's `repeat` text counts by ("venue.rooms": rooms), or
    None (not repeated, or counted by an answer)."""
    if not repeat:
        return None
    tree = parse(repeat)
    return tree.name if isinstance(tree, Ref) and tree.kind == "venue" else None


def count_attribute(section: Section) -> str | None:
    """The venue attribute a repeated section takes its count from (`repeat =
    "venue.rooms"`), or None (not repeated, or counted by an answer)."""
    return repeat_count(section.repeat)


def beyond_repeats(name: str, value: Any, repeated: Collection[str]) -> bool:
    """A count a checklist asks a section once for each of (`repeated`: the attributes
    it repeats by) beyond the MAX_INSTANCES times a device asks it: 80 rooms would leave
    rooms 61 to 80 never checked. The office's venue import refuses it so too."""
    if name not in repeated or isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return value > MAX_INSTANCES


def _texts(checklist: Checklist) -> Iterable[str]:
    for section in checklist.sections:
        yield from (section.show_if, section.required_if, section.repeat)
        for item in section.items:
            yield from (item.show_if, item.required_if, item.fail_if)


def checklist_attributes(checklist: Checklist, also: Iterable[str] = ()) -> list[str]:
    """The attributes the checklist reads, in checklist order, then `also` (the ones the
    venue's kind records)."""
    found = [name for text in _texts(checklist) for name in venue_references(text)]
    return list(dict.fromkeys([*found, *(a for a in also if a in VENUE_ATTRIBUTES)]))


def _venue_only(text: str) -> bool:
    """A condition that depends on the venue and on no answer."""
    return bool(venue_references(text)) and not item_references(text)


def unasked_by_venue(checklist: Checklist, context: Context) -> dict[str, list[str]]:
    """attribute -> the item codes a recorded venue attribute leaves unasked (a section's
    or an item's condition on the venue alone that is false)."""
    unasked: dict[str, list[str]] = {}

    def hidden(text: str) -> bool:
        return _venue_only(text) and evaluate(text, {}, context) is False

    for section in checklist.sections:
        if hidden(section.show_if):
            for name in venue_references(section.show_if):
                unasked.setdefault(name, []).extend(i.code for i in section.items)
            continue
        for item in section.items:
            if hidden(item.show_if):
                for name in venue_references(item.show_if):
                    unasked.setdefault(name, []).append(item.code)
    return unasked


def merged(current: Mapping[str, Any], changes: Mapping[str, Value | None]) -> dict[str, Any]:
    """What the venue holds once `changes` are made (None: no longer recorded)."""
    result = dict(current)
    for name, value in changes.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = value
    return result


def value_problem(name: str, value: Any) -> str | None:
    """What is wrong with `value` for attribute `name` (as sent by a device), or None."""
    if name not in VENUE_ATTRIBUTES:
        return f"{name!r} is not a venue attribute (one of {', '.join(VENUE_ATTRIBUTES)})"
    if value is None:
        return None
    if VENUE_ATTRIBUTES[name] == BOOL:
        return None if isinstance(value, bool) else f"{name} must be true or false"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{name} must be a number"
    if not math.isfinite(value) or value < 0 or value > 1_000_000:
        return f"{name} must be a number from 0 to 1000000"
    if name in COUNT_ATTRIBUTES and value != int(value):
        return f"{name} must be a whole number (it counts)"
    return None
