"""Scheduled activities held, on the server: one row per `activity.record` op."""

from __future__ import annotations

from peewee import CharField, ForeignKeyField, IntegerField, TextField

from sync.server.models import Grid, JSONText, ServerModel


class Activity(ServerModel):
    id = CharField(primary_key=True)
    type_code = CharField()
    grid = ForeignKeyField(Grid, backref="activities", column_name="grid_code")
    held_on = CharField()  # ISO date
    place = TextField(default="")
    attendees = IntegerField(default=0)
    attendee_names = TextField(default="")
    minutes = TextField(default="")
    photos = JSONText(default=list)
    recorded_by = CharField()
    recorded_at = CharField()
    received_at = CharField()

    grid_code: str

    class Meta:
        table_name = "activity"
        indexes = ((("grid", "held_on"), False),)


ACTIVITY_MODELS: list[type[ServerModel]] = [Activity]
