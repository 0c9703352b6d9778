"""Hazard events on the server: the domain's state machine, folded in server order.

`fieldapp.domain.findings` is the one state machine of the field program and the server.
Devices fold events causally (then by device time); the server is the one place that sees
a single arrival order, so it folds in that order (invariant 3: the server orders). It does
so by chaining each event's `base_event` to the one that arrived before it, which makes the
domain's causal order exactly the arrival order. An event that is not a valid transition
from the state it arrives in is stored with `conflict` set (invariant 5), never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fieldapp.domain import findings as machine
from sync.server.models import FindingEvent


def role_refusal(role: str, event_type: str) -> str | None:
    """Why a person of `role` may never send `event_type` (the op is then rejected)."""
    if event_type not in machine.TRANSITIONS:
        return f"unknown finding event type {event_type!r}"
    if not machine.role_may_send(role, event_type):
        return (
            f"a person with the role {role} may not record '{event_type}' on a finding; "
            "a supervisor of the grid must do it"
        )
    return None


def _as_mapping(event: FindingEvent | dict[str, Any]) -> dict[str, Any]:
    if isinstance(event, dict):
        return dict(event)
    return {
        "id": event.id,
        "type": event.type,
        "actor": event.actor,
        "role": event.role,
        "at": event.at,
        "device_id": event.device_id,
        "note": event.note,
        "data": event.data,
    }


def fold_in_server_order(events: Sequence[FindingEvent | dict[str, Any]]) -> machine.FindingState:
    chained: list[dict[str, Any]] = []
    previous: str | None = None
    for event in events:
        raw = _as_mapping(event)
        raw["base_event"] = previous
        chained.append(raw)
        previous = raw["id"]
    return machine.fold(chained)


def arrival_conflict(
    existing: Sequence[FindingEvent | dict[str, Any]], event_type: str, role: str
) -> str | None:
    """Why `event_type` is not valid from the state the finding is in on arrival."""
    state = fold_in_server_order(existing).state if existing else ""
    return machine.check_transition(state, event_type, role)
