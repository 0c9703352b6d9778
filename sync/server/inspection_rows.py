"""The rows `InspectionWriter` writes: each table's columns, and a feed record's values
in their order (the feed records and the rows are built from one dict)."""

from __future__ import annotations

from functools import cache
from operator import itemgetter
from typing import Any

from sync.protocol import canonical_json

INSPECTION_COLUMNS = (
    "id", "venue", "checklist_id", "checklist_version", "inspector", "device_id",
    "started_at", "finished_at", "submitted_at", "presence", "presence_payload",
    "presence_reason", "presence_note", "presence_at", "representative", "summary",
    "supersedes", "received_at", "presence_check", "presence_check_reason", "proof",
    "answers",
)  # fmt: skip
FINDING_COLUMNS = (
    "id", "inspection", "venue", "item_code", "severity", "description", "deadline",
    "photos", "created_at", "created_by", "state", "current_deadline", "conflict",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "finding", "type", "actor", "role", "device_id", "base_event", "at", "note",
    "photos", "data", "received_at", "server_order", "conflict", "conflict_reason",
)  # fmt: skip
LEDGER_COLUMNS = ("op_id", "device", "seq", "type", "payload_hash", "result", "applied_at")


# Keys of the feed records, in the order of the table columns above (an inspection's
# answers, its last column, are written apart: they hold no float to look for).
INSPECTION_KEYS = (
    "id", "venue_id", "checklist_id", "checklist_version", "inspector_id", "device_id",
    "started_at", "finished_at", "submitted_at", "presence", "presence_payload",
    "presence_reason", "presence_note", "presence_at", "representative", "summary",
    "supersedes", "received_at", "presence_check", "presence_check_reason", "proof",
)  # fmt: skip
FINDING_KEYS = (
    "id", "inspection_id", "venue_id", "item_code", "severity", "description", "deadline",
    "photos", "created_at", "created_by", "state", "current_deadline", "conflict",
)  # fmt: skip
EVENT_KEYS = (
    "id", "finding_id", "type", "actor", "role", "device_id", "base_event", "at", "note",
    "photos", "data", "received_at", "server_order", "conflict", "conflict_reason",
)  # fmt: skip


_JSON_KEYS = frozenset({"summary", "photos", "data", "proof"})


def row_of(record: dict[str, Any], keys: tuple[str, ...], plain: bool = False) -> tuple[Any, ...]:
    """The record's values for the columns `keys`; JSON columns as canonical JSON text
    (`plain`: the record holds no float)."""
    take, json_at = _columns(keys)
    values = list(take(record))
    for n in json_at:
        values[n] = canonical_json(values[n], may_hold_floats=not plain)
    return tuple(values)


@cache
def _columns(keys: tuple[str, ...]) -> tuple[itemgetter[Any], tuple[int, ...]]:
    """A getter of the values of `keys` and the places of the JSON columns among them."""
    return itemgetter(*keys), tuple(n for n, key in enumerate(keys) if key in _JSON_KEYS)
