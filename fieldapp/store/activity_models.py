"""Scheduled activities held (schema v11): one row per activity a grid held.

The types (cadence, form) are data in `assets/activities.toml` or the office setting
`activity_types`; a row names its type by code. `photos` are sha256 of images, as a
finding's are.
"""

from __future__ import annotations

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField
from playhouse.sqlite_ext import JSONField

from fieldapp.store.models import BaseModel, Grid


class Activity(BaseModel):
    id = CharField(primary_key=True)
    type_code = CharField()
    grid = ForeignKeyField(Grid, backref="activities", column_name="grid_code")
    grid_code: str
    held_on = DateField()  # the local date it was held
    place = CharField(default="")
    attendees = IntegerField(default=0)
    attendee_names = TextField(default="")
    minutes = TextField(default="")  # minutes (纪要) or the written report (书面报告)
    photos = JSONField(default=list)
    recorded_by = CharField()  # person id
    recorded_at = CharField()  # ISO UTC

    class Meta:
        table_name = "activity"
        indexes = ((("grid", "type_code", "held_on"), False), (("held_on",), False))


ACTIVITY_MODELS: list[type[BaseModel]] = [Activity]
