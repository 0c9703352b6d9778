"""Patrols on the device (schema v11): checkpoints, routes, runs and their scans.

Checkpoints and routes come from the server (imported by the office); runs are made here.
A run's scans are written one row each, in their own transaction, the moment they are
made (a killed program keeps every scan); at finish one `patrol_run.submit` op carries
the run with its scans. `day` and `window` say which window of the route's schedule the
run is for (local date and ``HH:MM-HH:MM``); `utc_offset` (minutes) turns its UTC scan
times into the local times the schedule speaks in, on the server as here.
"""

from __future__ import annotations

from typing import Any

from peewee import BooleanField, CharField, FloatField, ForeignKeyField, IntegerField, TextField
from playhouse.sqlite_ext import JSONField

from fieldapp.store.models import BaseModel, Grid, SyncState


class Checkpoint(BaseModel):
    id = CharField(primary_key=True)
    code = CharField(unique=True)  # on the placard; never a venue's code
    name = CharField()
    kind = CharField()  # fieldapp.domain.checkpoint_forms.CHECKPOINT_KINDS
    address = CharField(default="")
    grid = ForeignKeyField(Grid, backref="checkpoints", column_name="grid_code")
    grid_code: str
    contact = CharField(default="")
    phone = CharField(default="")
    form = CharField(default="")  # a key of fieldapp.domain.checkpoint_forms.FORMS, or ""
    lat = FloatField(null=True)
    lon = FloatField(null=True)
    updated_at = CharField(default="")

    class Meta:
        table_name = "checkpoint"


class PatrolRoute(BaseModel):
    id = CharField(primary_key=True)
    code = CharField(unique=True)
    name = CharField()
    grid = ForeignKeyField(Grid, backref="patrol_routes", column_name="grid_code")
    grid_code: str
    campaign = CharField(default="")  # a campaign code: patrols only while it runs
    starts_on = CharField(default="")  # ISO date patrols begin (the office's); "" = not known
    ordered = BooleanField(default=False)
    checkpoints = JSONField(default=list)  # checkpoint ids, in route order
    schedule = JSONField(default=dict)  # fieldapp.domain.patrols.Schedule.to_dict()
    team = CharField(default="")  # the team's name, when a team patrols it
    people = JSONField(default=list)  # person ids assigned (the team's members)
    active = BooleanField(default=True)
    updated_at = CharField(default="")

    class Meta:
        table_name = "patrol_route"


# The device of a run the office closed as abandoned (sync.server.patrols.CLOSED_BY_OFFICE)
CLOSED_BY_OFFICE = "office"
# + a person id: the device of a run a supervisor closed (sync.server.patrols.CLOSED_BY_SUPERVISOR)
CLOSED_BY_SUPERVISOR = "supervisor:"
# The device of a run of this device's the server refused as taken over on another device
# of the person, until a pull names that device (sync.client.patrol_rows)
TAKEN_OVER_ELSEWHERE = "taken-over"


class PatrolRun(BaseModel):
    id = CharField(primary_key=True)
    route = ForeignKeyField(PatrolRoute, backref="runs")
    route_id: str
    person = CharField()  # who walked it
    device_id = CharField(default="")
    day = CharField()  # local ISO date of the window
    window = CharField()  # "06:30-09:00"
    utc_offset = IntegerField(default=0)  # minutes east of UTC where the run was made
    started_at = CharField()
    finished_at = CharField(null=True)
    note = TextField(default="")
    status = CharField(default="open")  # open | finished (sent in the outbox)

    class Meta:
        table_name = "patrol_run"
        indexes = ((("route", "day", "window"), False), (("status",), False))


class PatrolScan(BaseModel):
    id = CharField(primary_key=True)
    run = ForeignKeyField(PatrolRun, backref="scans", on_delete="CASCADE")
    run_id: str
    checkpoint = CharField()  # checkpoint id
    at = CharField()  # device time, UTC
    source = CharField()  # wedge | camera | typed | manual
    payload = CharField(default="")  # the placard text read (a claim the server checks)
    reason = CharField(default="")  # why manual
    note = TextField(default="")
    photos = JSONField(default=list)
    answers = JSONField(default=dict)  # the checkpoint's short form
    incident = CharField(default="")  # an incident raised from the checkpoint
    check = CharField(default="")  # the server's verdict: verified | unverified | ""
    check_reason = CharField(default="")

    class Meta:
        table_name = "patrol_scan"
        indexes = ((("run", "at"), False),)


PATROL_MODELS: list[type[BaseModel]] = [Checkpoint, PatrolRoute, PatrolRun, PatrolScan]


def started_here() -> Any:
    """A condition on a run: started on this device (before enrolment too, with no device
    id). A run pulled open from another device (the same person's second device, or a
    teammate's) is not: its visits and its finish are that device's to send."""
    state = SyncState.get_or_none(SyncState.id == 1)
    return PatrolRun.device_id.in_(["", state.device_id if state is not None else ""])
