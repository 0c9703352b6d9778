"""Stored rows as the wire's dicts: one shape for a finding or incident event, used by the
outbox (`services.inspection`, `services.incidents`), the ledger and the sync client when
it refolds pulled events."""

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
