"""Rounds: the ordered list of venues an inspector plans to visit on a day (schema v2).

A round belongs to one person and one local date; its stops are venues in the order the
inspector will walk them. Rounds are the inspector's own plan and stay on the device.
"""

from __future__ import annotations

from peewee import CharField, CompositeKey, DateField, ForeignKeyField, IntegerField

from fieldapp.store.models import BaseModel, Venue


class Round(BaseModel):
    id = CharField(primary_key=True)
    person = CharField()  # person id of the inspector
    date = DateField()  # the local date of the round
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "round"
        indexes = ((("person", "date"), True),)


class RoundStop(BaseModel):
    round = ForeignKeyField(Round, backref="stops", on_delete="CASCADE")
    venue = ForeignKeyField(Venue, backref="round_stops", on_delete="CASCADE")
    position = IntegerField()  # 0-based order within the round
    added_at = CharField()

    class Meta:
        table_name = "round_stop"
        primary_key = CompositeKey("round", "venue")
        indexes = ((("round", "position"), False),)


ROUND_MODELS: list[type[BaseModel]] = [Round, RoundStop]
