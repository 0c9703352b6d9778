"""Conditions that leave out the records the server refused to create
(`fieldapp.store.refused_records`), for the queries that count or list what is on record.
Kept apart from `services.common.refused_records` (reading, sending again and discarding
refused records) so that the home read at start-up does not import all of that."""

from __future__ import annotations

from typing import Any

from fieldapp.store.refused_records import INSPECTION_SUBMIT, refused_ops


def not_refused(op_type: str, record_id: Any) -> Any:
    """A condition on a record's id column: not a record whose `op_type` op the server
    refused (it counts for nothing the office counts). True when none is refused."""
    refused = list(refused_ops(op_type))
    return record_id.not_in(refused) if refused else True


def on_record(inspection: Any) -> Any:
    """A condition on a finding's inspection column: not one of a refused inspection (its
    hazards are not open at the office either). True when none is refused."""
    kept = not_refused(INSPECTION_SUBMIT, inspection)
    return kept if kept is True else inspection.is_null() | kept
