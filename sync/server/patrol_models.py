"""Patrols on the server: checkpoints and routes the office imports, runs devices send.

A run arrives whole (`patrol_run.submit`) with its scans; each scan keeps the server's
verdict on its placard claim (`check`: verified | unverified, with the reason), as an
inspection's presence does.
"""

from __future__ import annotations

from peewee import BooleanField, CharField, DoubleField, ForeignKeyField, IntegerField, TextField

from sync.server.models import Grid, JSONText, ServerModel


class Checkpoint(ServerModel):
    id = CharField(primary_key=True)
    code = CharField(unique=True)
    name = CharField()
    kind = CharField()
    address = TextField(default="")
    grid = ForeignKeyField(Grid, backref="checkpoints", column_name="grid_code")
    contact = CharField(default="")
    phone = CharField(default="")
    form = CharField(default="")
    lat = DoubleField(null=True)
    lon = DoubleField(null=True)
    updated_at = CharField(default="")

    grid_code: str

    class Meta:
        table_name = "checkpoint"


class PatrolRoute(ServerModel):
    id = CharField(primary_key=True)
    code = CharField(unique=True)
    name = CharField()
    grid = ForeignKeyField(Grid, backref="patrol_routes", column_name="grid_code")
    campaign = CharField(default="")
    starts_on = CharField(default="")  # ISO date patrols begin (the import's); "" = not known
    ordered = BooleanField(default=False)
    checkpoints = JSONText(default=list)
    schedule = JSONText(default=dict)
    team = CharField(default="")
    people = JSONText(default=list)
    active = BooleanField(default=True)
    updated_at = CharField(default="")

    grid_code: str

    class Meta:
        table_name = "patrol_route"


class PatrolRun(ServerModel):
    id = CharField(primary_key=True)
    route = ForeignKeyField(PatrolRoute, backref="runs")
    person = CharField()
    device_id = CharField(default="")
    day = CharField()
    window = CharField()
    utc_offset = IntegerField(default=0)
    started_at = CharField()
    finished_at = CharField(null=True)
    note = TextField(default="")
    received_at = CharField()

    route_id: str

    class Meta:
        table_name = "patrol_run"
        indexes = ((("route", "day", "window"), False),)


class PatrolScan(ServerModel):
    id = CharField(primary_key=True)
    run = ForeignKeyField(PatrolRun, backref="scans", on_delete="CASCADE")
    checkpoint = CharField()
    at = CharField()
    source = CharField()
    payload = TextField(default="")
    reason = CharField(default="")
    note = TextField(default="")
    photos = JSONText(default=list)
    answers = JSONText(default=dict)
    incident = CharField(default="")
    check = CharField(default="")
    check_reason = CharField(default="")

    run_id: str

    class Meta:
        table_name = "patrol_scan"


PATROL_MODELS: list[type[ServerModel]] = [Checkpoint, PatrolRoute, PatrolRun, PatrolScan]
