"""Hazard events on the server: the domain's state machine and the domain's fold order.

`fieldapp.domain.findings` is the one state machine of the field program and the server,
and `fold` is its one fold order: each event after its base event, otherwise by the
server's sequence. The server numbers a finding's events in arrival order (`server_order`,
sent to devices as the event's `server_seq` in the push answer and in the pull feed), and
folds with that number — so the server, and every device once it holds the same events and
numbers, reach the same state and the same conflicts (invariants 3 and 5). An event that
is not a valid transition from the state it lands in is stored with `conflict` set, never
dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fieldapp.domain import findings as machine
from sync.protocol import refusals
from sync.server.incident_models import IncidentEvent
from sync.server.models import FindingEvent


def role_refusal(role: str, event_type: str) -> refusals.Refusal | None:
    """Why a person of `role` may never send `event_type` (the op is then rejected)."""
    if event_type not in machine.TRANSITIONS:
        return refusals.unknown_event_type(event_type, f"unknown finding event type {event_type!r}")
    if not machine.role_may_send(role, event_type):
        text = (
            f"a person with the role {role} may not record '{event_type}' on a finding; "
            "a supervisor of the grid must do it"
        )
        return refusals.wrong_role(role, event_type, text)
    return None


def as_domain_event(event: FindingEvent | IncidentEvent | dict[str, Any]) -> machine.Event:
    """A stored hazard or incident event (or a row about to be stored) as the domain sees
    it, numbered by the server's arrival order."""
    if isinstance(event, dict):
        raw = {**event, "server_seq": event.get("server_order")}
        return machine.Event.from_mapping(raw)
    return machine.Event(
        id=event.id,
        type=event.type,
        actor=event.actor,
        role=event.role,
        at=event.at,
        base_event=event.base_event,
        device_id=event.device_id,
        note=event.note,
        data=dict(event.data or {}),
        server_seq=event.server_order,
    )


def fold_events(events: Sequence[FindingEvent | dict[str, Any]]) -> machine.FindingState:
    """The finding's state: the domain fold over its events with their server numbers."""
    return machine.fold(as_domain_event(e) for e in events)


def arrival_conflict(
    existing: Sequence[FindingEvent | dict[str, Any]], new_row: dict[str, Any]
) -> str | None:
    """Why the new event (numbered after `existing`) does not apply where it lands."""
    folded = fold_events([*existing, new_row])
    for conflict in folded.conflicts:
        if conflict.event_id == new_row["id"]:
            return conflict.reason
    return None
