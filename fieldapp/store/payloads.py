"""Stored rows as the wire's dicts: one shape for a finding event, used by the outbox
(`services.inspection`) and by the sync client when it refolds pulled events."""

from __future__ import annotations

from fieldapp.store.models import FindingEvent


def event_payload(event: FindingEvent) -> dict:
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
