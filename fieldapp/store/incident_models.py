"""Incidents (事件) on the device (schema v5): the record and its append-only events.

An incident's `state` caches the fold of its events by the incident lifecycle
(`fieldapp.domain.incidents.INCIDENT`), as a finding's does by the hazard one. Evidence
is named by sha256: `photos` are images like a finding's; `media` are video and audio
files kept as they are, as `{"sha256", "name", "mime", "size"}`.
"""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField
from playhouse.sqlite_ext import JSONField

from fieldapp.store.models import BaseModel, Grid, Venue


class Incident(BaseModel):
    id = CharField(primary_key=True)
    category = CharField()
    grid = ForeignKeyField(Grid, backref="incidents", column_name="grid_code")
    grid_code: str
    venue = ForeignKeyField(Venue, backref="incidents", null=True)
    venue_id: str | None
    address = CharField(default="")  # where it happened, when it is not a venue
    occurred_at = CharField()  # ISO time the reporter gave
    description = TextField(default="")
    people = JSONField(default=list)  # [{"name": …, "role": …}]
    photos = JSONField(default=list)  # sha256 of images
    media = JSONField(default=list)  # [{"sha256", "name", "mime", "size"}]
    created_at = CharField()
    created_by = CharField()  # person id
    state = CharField(default="reported", index=True)
    assigned_to = CharField(default="")
    conflict = BooleanField(default=False)

    class Meta:
        table_name = "incident"
        indexes = ((("grid", "state", "occurred_at"), False), (("occurred_at",), False))


class IncidentEvent(BaseModel):
    """Append-only, the shape of a finding event."""

    id = CharField(primary_key=True)
    incident = ForeignKeyField(Incident, backref="events", on_delete="CASCADE")
    incident_id: str
    type = CharField()
    actor = CharField()
    role = CharField()
    device_id = CharField(default="")
    base_event = CharField(null=True)
    at = CharField()
    note = TextField(default="")
    photos = JSONField(default=list)
    data = JSONField(default=dict)
    server_seq = IntegerField(null=True)

    class Meta:
        table_name = "incident_event"
        indexes = ((("incident", "at"), False),)


def photo_counts(incidents: list[Incident]) -> dict[str, int]:
    """How many photos each incident holds: those reported with it and those its events
    carry (added after the report, a note's), each photo once."""
    photos = {i.id: set(i.photos or []) for i in incidents}
    events = IncidentEvent.select(IncidentEvent.incident, IncidentEvent.photos).where(
        IncidentEvent.incident.in_(list(photos))
    )
    for event in events:
        photos[event.incident_id].update(event.photos or [])
    return {incident_id: len(shas) for incident_id, shas in photos.items()}


INCIDENT_MODELS: list[type[BaseModel]] = [Incident, IncidentEvent]
