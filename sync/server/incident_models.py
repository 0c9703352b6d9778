"""Incidents (事件) on the server: the record and its events, numbered in arrival order.

`state` caches the fold of the events by the incident lifecycle, in `server_order`, as a
finding's does by the hazard one; an event that lands as an invalid transition is kept
with `conflict` set.
"""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from sync.server.models import Grid, JSONText, ServerModel


class Incident(ServerModel):
    id = CharField(primary_key=True)
    category = CharField()
    grid = ForeignKeyField(Grid, backref="incidents", column_name="grid_code")
    venue_id = CharField(null=True)
    address = TextField(default="")
    occurred_at = CharField()
    description = TextField(default="")
    people = JSONText(default=list)
    photos = JSONText(default=list)
    media = JSONText(default=list)
    created_at = CharField()
    created_by = CharField()
    received_at = CharField()
    state = CharField(default="reported")
    assigned_to = CharField(default="")
    conflict = BooleanField(default=False)

    grid_code: str

    class Meta:
        table_name = "incident"
        indexes = ((("grid", "state"), False),)


class IncidentEvent(ServerModel):
    id = CharField(primary_key=True)
    incident = ForeignKeyField(Incident, backref="events", on_delete="CASCADE")
    type = CharField()
    actor = CharField()
    role = CharField()  # the server's record of the actor's role
    device_id = CharField(default="")
    base_event = CharField(null=True)
    at = CharField()
    note = TextField(default="")
    photos = JSONText(default=list)
    data = JSONText(default=dict)
    received_at = CharField()
    server_order = IntegerField()
    conflict = BooleanField(default=False)
    conflict_reason = TextField(default="")

    incident_id: str

    class Meta:
        table_name = "incident_event"
        indexes = ((("incident", "server_order"), True),)


INCIDENT_MODELS: list[type[ServerModel]] = [Incident, IncidentEvent]
