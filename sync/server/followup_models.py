"""The server's follow-ups: plans, readings, cases and their append-only events."""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from sync.server.models import JSONText, ServerModel
from sync.server.people_models import HouseholdMember


class FollowupPlan(ServerModel):
    id = CharField(primary_key=True)
    member = ForeignKeyField(HouseholdMember, backref="followup_plans", on_delete="CASCADE")
    grid_code = CharField()
    form_id = CharField()
    cadence = CharField()
    times = JSONText(default=list)
    start_on = CharField()
    days = IntegerField()
    responsible = JSONText(default=list)
    created_by = CharField()
    created_at = CharField()
    team = JSONText(default=list)  # a controlled person's 三包一: [{"role", "name"}]
    ended_at = CharField(null=True)  # ended early: when, by whom, why
    ended_by = CharField(default="")
    end_reason = TextField(default="")

    member_id: str

    class Meta:
        table_name = "followup_plan"


class FollowupReading(ServerModel):
    id = CharField(primary_key=True)
    plan = ForeignKeyField(FollowupPlan, backref="readings", on_delete="CASCADE")
    slot_at = CharField()
    taken_at = CharField()
    answers = JSONText(default=dict)
    failed = JSONText(default=list)
    recorded_by = CharField()
    device_id = CharField(default="")
    received_at = CharField()

    plan_id: str

    class Meta:
        table_name = "followup_reading"


class FollowupCase(ServerModel):
    id = CharField(primary_key=True)
    plan = ForeignKeyField(FollowupPlan, backref="cases", on_delete="CASCADE")
    reading_id = CharField()
    opened_at = CharField()
    state = CharField(default="open")

    plan_id: str

    class Meta:
        table_name = "followup_case"


class FollowupCaseEvent(ServerModel):
    id = CharField(primary_key=True)
    case = ForeignKeyField(FollowupCase, backref="events", on_delete="CASCADE")
    type = CharField()
    actor = CharField()
    role = CharField()
    device_id = CharField(default="")
    base_event = CharField(null=True)
    at = CharField()
    note = TextField(default="")
    data = JSONText(default=dict)
    received_at = CharField()
    server_order = IntegerField()
    conflict = BooleanField(default=False)

    case_id: str

    class Meta:
        table_name = "followup_case_event"


FOLLOWUP_MODELS: list[type[ServerModel]] = [
    FollowupPlan,
    FollowupReading,
    FollowupCase,
    FollowupCaseEvent,
]
