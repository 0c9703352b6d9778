"""The ledger's sheet of finding events (整改过程): its columns, the keyset pages read
from the store and each row's cells, its data (a new deadline, the receiving unit…) said
in words (`data_text`). The inspections and findings sheets are in `sheets`, with the
paging and free-text helpers this sheet shares."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fieldapp.domain.personal import mask_numbers_in_text
from fieldapp.reports.ledger import Labels
from fieldapp.services.common.periods import local_date_of
from fieldapp.services.export.sheets import Said, keyset_pages, local_moment
from fieldapp.store.models import Finding, FindingEvent, Venue

EVENT_COLUMNS = (
    ("finding_id", 38),
    ("found_on", 11),
    ("venue_code", 11),
    ("venue_name", 22),
    ("item_code", 10),
    ("event_at", 19),
    ("event_type", 12),
    ("actor", 10),
    ("role", 8),
    ("note", 30),
    ("data", 30),
)


def event_pages(condition: Any, size: int) -> Iterator[list[tuple[Any, ...]]]:
    """The events where `condition` (on the event, its hazard and venue) holds."""
    query = (
        FindingEvent.select(
            FindingEvent.id,
            FindingEvent.finding,
            Finding.created_at,
            Venue.code,
            Venue.name,
            Finding.item_code,
            FindingEvent.at,
            FindingEvent.type,
            FindingEvent.actor,
            FindingEvent.role,
            FindingEvent.note,
            FindingEvent.data,
        )
        .join(Finding)
        .join(Venue)
    )
    return keyset_pages(query, FindingEvent.id, condition, size, by=FindingEvent.at, by_at=6)


def event_rows(
    chunk: list[tuple[Any, ...]],
    labels: Labels,
    names: dict[str, str],
    said: Said = mask_numbers_in_text,
) -> Iterator[list[object]]:
    for (
        _id,
        finding_id,
        found_at,
        venue_code,
        venue_name,
        item_code,
        at,
        kind,
        actor,
        role,
        note,
        data,
    ) in chunk:
        if isinstance(data, str):
            data = json.loads(data or "{}")
        yield [
            finding_id,
            local_date_of(found_at),
            venue_code,
            venue_name,
            item_code,
            local_moment(at),
            labels.maybe("ledger.event", kind),
            names.get(actor, actor),
            labels.maybe("ledger.role", role),
            said(note),
            data_text(data, labels),
        ]


# How an event's data values are said: a code looked up under a prefix, or a count.
DATA_VALUES = {"severity": "ledger.severity", "unit": "ledger.unit", "outcome": "ledger.outcome"}


def data_text(data: dict[str, Any], labels: Labels) -> str:
    """An event's data (new deadline, receiving unit, reference…) in words, for people."""
    parts = []
    for key, value in data.items():
        if key in DATA_VALUES:
            value = labels.maybe(DATA_VALUES[key], str(value))
        elif isinstance(value, list | tuple):
            value = len(value)  # a list is said as how many ("1 conflict acknowledged")
        label = f"ledger.data.{key}"
        # `count` too: English picks a message's singular by it (`i18n.counted`).
        said = labels(label, value=value, count=value) if label in labels else f"{key}: {value}"
        parts.append(said)
    return labels("ledger.data.separator").join(parts)
