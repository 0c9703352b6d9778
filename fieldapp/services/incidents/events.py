"""Incident events, appended through the one lifecycle fold with the incident's table."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import finding_checks
from fieldapp.domain import findings as machine
from fieldapp.domain.clock import today
from fieldapp.domain.incidents import (
    HANDED_OVER,
    INCIDENT,
    before_it_happened_said,
    handed_over_before_it_happened,
)
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import me
from fieldapp.services.common.lifecycle_events import create_event_row
from fieldapp.store.db import write_transaction
from fieldapp.store.incident_models import Incident, IncidentEvent
from fieldapp.store.payloads import event_payload, folded_event

OP_INCIDENT_EVENT = "incident.event"


def fold_of(incident_id: str) -> machine.FindingState:
    """The fold of the incident's events, in the server's order where it gave one."""
    events = IncidentEvent.select().where(IncidentEvent.incident == incident_id)
    return machine.fold((folded_event(e) for e in events), INCIDENT)


def refresh(incident: Incident) -> machine.FindingState:
    folded = fold_of(incident.id)
    incident.state = folded.state
    incident.assigned_to = folded.assigned_to
    incident.conflict = bool(folded.unresolved_conflicts)
    incident.save()
    return folded


def append_event(
    incident_id: str,
    event_type: str,
    *,
    note: str = "",
    photos: list[str] | None = None,
    data: dict[str, Any] | None = None,
    incident_payload: dict[str, Any] | None = None,
) -> IncidentEvent:
    """Append an event if this person may send it now; queue it for the server in the
    same transaction. `incident_payload` rides along with the `reported` event."""
    who = me()
    with write_transaction():
        incident = Incident.get_by_id(incident_id)
        folded = fold_of(incident_id)
        refusal = finding_checks.check_event(
            folded, event_type, who.role, data=data or {}, today=today(), lifecycle=INCIDENT
        )
        if refusal is not None:
            raise machine.TransitionRefused(refusal)
        if event_type == HANDED_OVER and (
            early := handed_over_before_it_happened(data or {}, incident.occurred_at)
        ):
            raise machine.TransitionRefused(before_it_happened_said(early))
        event = create_event_row(
            IncidentEvent,
            {"incident": incident_id},
            event_type,
            who,
            folded,
            note=note,
            photos=photos,
            data=data,
        )
        refresh(incident)
        payload: dict[str, Any] = {"incident_id": incident_id, "event": event_payload(event)}
        if incident_payload is not None:
            payload["incident"] = incident_payload
        outbox.enqueue(OP_INCIDENT_EVENT, payload)
    return event


def acknowledge_conflicts(incident_id: str, note: str = "") -> IncidentEvent | None:
    """A note that marks the incident's open conflicts as seen (kept in its history)."""
    pending = [c.event_id for c in fold_of(incident_id).unresolved_conflicts]
    if not pending:
        return None
    return append_event(incident_id, "note", note=note, data={"resolves": pending})
