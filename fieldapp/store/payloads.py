"""Stored rows as the wire's dicts: one shape for a finding or incident event, used by the
outbox (`services.inspection`, `services.incidents`), the ledger and the sync client when
it refolds pulled events; and the same with the server's number, as the fold reads it."""

from __future__ import annotations

from fieldapp.store.incident_models import IncidentEvent
from fieldapp.store.models import FindingEvent


def event_payload(event: FindingEvent | IncidentEvent) -> dict:
    return {
        "id": event.id,
        "type": event.type,
        "actor": event.actor,
        "role": event.role,
        "device_id": event.device_id,
        "base_event": event.base_event,
        "at": event.at,
        "note": event.note,
        "photos": list(event.photos),
        "data": dict(event.data),
    }


def folded_event(event: FindingEvent | IncidentEvent) -> dict:
    """The event as the lifecycle fold reads it: its wire shape with the server's number
    (`server_seq`, None until the server answered), so a replica folds in server order."""
    return {**event_payload(event), "server_seq": event.server_seq}
