"""A venue's attributes on the device: what the inspection in hand reads of them, and a
correction made in the field.

A correction (a wrong or missing `has_gas`, the number of rooms a repeat group asks) is
written to the venue at once, so the form asks what the venue really is, and sent as one
`venue.attributes` op with the next sync; the server checks the venue is in the person's
grids, records it, and every device of the grid pulls the venue again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.domain.checklist import MAX_INSTANCES
from fieldapp.domain.clock import now_iso
from fieldapp.domain.venue_facts import (
    Value,
    beyond_repeats,
    checklist_attributes,
    count_attribute,
    merged,
    repeat_count,
    unasked_by_venue,
    value_problem,
)
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import me
from fieldapp.services.common.kinds import kind_attributes
from fieldapp.services.inspection.inspection_view import InspectionView
from fieldapp.store.db import write_transaction
from fieldapp.store.models import Checklist as ChecklistRow
from fieldapp.store.models import Venue

OP_VENUE_ATTRIBUTES = "venue.attributes"  # sync.protocol.OP_VENUE_ATTRIBUTES


@dataclass(frozen=True)
class Fact:
    """One attribute as the inspection sees it."""

    name: str
    value: Value | None  # None: not recorded
    counts: tuple[str, ...] = ()  # the sections repeated this many times
    unasked: tuple[str, ...] = ()  # the items its value leaves unasked


def facts(view: InspectionView) -> list[Fact]:
    """The attributes the inspection's checklist reads (then those its kind records)."""
    names = checklist_attributes(view.checklist, kind_attributes(view.venue.kind))
    unasked = unasked_by_venue(view.checklist, view.context)
    counted: dict[str, list[str]] = {}
    for section in view.checklist.sections:
        name = count_attribute(section)
        if name:
            counted.setdefault(name, []).append(section.code)
    held = view.context.venue
    return [
        Fact(name, held.get(name), tuple(counted.get(name, ())), tuple(unasked.get(name, ())))
        for name in names
    ]


def missing_count(view: InspectionView, section_code: str) -> str | None:
    """The venue attribute a section counts its repeats from, when the venue has none."""
    section = next(s for s in view.checklist.sections if s.code == section_code)
    name = count_attribute(section)
    return name if name and view.context.venue.get(name) is None else None


def repeated_counts(kind: str) -> frozenset[str]:
    """The venue counts a stored checklist of `kind` asks a section once for each of
    (`repeat = "venue.rooms"`): a count of them beyond MAX_INSTANCES is refused."""
    rows = ChecklistRow.select(ChecklistRow.kinds, ChecklistRow.body)
    repeats = (
        section.get("repeat") or ""
        for row in rows
        if kind in (row.kinds or ())
        for section in (row.body or {}).get("sections", ())
    )
    return frozenset(name for text in repeats if (name := repeat_count(text)))


def correct(venue_id: str, changes: dict[str, Value | None]) -> dict[str, Any]:
    """Record corrected attributes on the venue and queue them for the server; returns
    what the venue holds now. ValueError names a value that cannot be an attribute, or a
    count beyond what the venue's checklist asks one by one; nothing is stored then."""
    for name, value in changes.items():
        problem = value_problem(name, value)
        if problem:
            raise ValueError(problem)
    with write_transaction():
        venue = Venue.get_by_id(venue_id)
        repeated = repeated_counts(venue.kind)
        for name, value in changes.items():
            if beyond_repeats(name, value, repeated):
                raise ValueError(
                    f"{name} {value} is more than the {venue.kind} checklist asks one by one"
                    f" (at most {MAX_INSTANCES})"
                )
        venue.attributes = merged(venue.attributes or {}, changes)
        venue.save(only=[Venue.attributes])
        if changes:
            outbox.enqueue(
                OP_VENUE_ATTRIBUTES,
                {
                    "venue_id": venue_id,
                    "attributes": dict(changes),
                    "corrected_by": me().person_id,
                    "corrected_at": now_iso(),
                },
            )
    return dict(venue.attributes)
