"""Follow-ups on the device (schema v6): plans on a person, readings, and the cases an
abnormal reading opens with their append-only events (folded by the one fold,
`fieldapp.domain.findings.fold`; `state` caches that fold). A reading's answers (the
temperatures, the symptoms) and a case event's note are sealed at rest
(`fieldapp.store.at_rest`); which items a reading failed and an event's data (codes: the
receiving unit, the outcome) stay plain, for the day's counts and the fold."""

from __future__ import annotations

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField
from playhouse.sqlite_ext import JSONField

from fieldapp.store.models import BaseModel
from fieldapp.store.people_models import HouseholdMember
from fieldapp.store.sealed_fields import SealedJSON, SealedText


class FollowupPlan(BaseModel):
    id = CharField(primary_key=True)
    member = ForeignKeyField(HouseholdMember, backref="followup_plans", on_delete="CASCADE")
    member_id: str
    grid_code = CharField()  # the household's grid, for scope
    form_id = CharField()
    cadence = CharField()  # twice_daily | daily | weekly | monthly
    times = JSONField(default=list)  # local HH:MM; empty: the cadence's own
    start_on = DateField()
    days = IntegerField()
    responsible = JSONField(default=list)  # person ids (one person, or a 三包一 team)
    created_by = CharField()
    created_at = CharField()
    # A controlled person's 三包一 team: [{"role": town_cadre | village_cadre |
    # medical_worker, "name": ...}] (v29); empty for another plan.
    team = JSONField(default=list)
    # Ended early (v29): when (UTC), by whom, and why (sealed: it can say the person's health).
    ended_at = CharField(null=True)
    ended_by = CharField(default="")
    end_reason = SealedText(null=True)  # NULL until ended: a plan reads while locked

    class Meta:
        table_name = "followup_plan"


class FollowupReading(BaseModel):
    id = CharField(primary_key=True)
    plan = ForeignKeyField(FollowupPlan, backref="readings", on_delete="CASCADE")
    plan_id: str
    slot_at = CharField()  # the due local time it answers, YYYY-MM-DDTHH:MM
    taken_at = CharField()  # device time (UTC)
    answers = SealedJSON(default=dict)  # item code -> value
    failed = JSONField(default=list)  # item codes the reading fails
    recorded_by = CharField()
    device_id = CharField(default="")

    class Meta:
        table_name = "followup_reading"
        indexes = ((("plan", "slot_at"), False),)


class FollowupCase(BaseModel):
    id = CharField(primary_key=True)
    plan = ForeignKeyField(FollowupPlan, backref="cases", on_delete="CASCADE")
    plan_id: str
    reading_id = CharField()
    opened_at = CharField()
    state = CharField(default="open", index=True)  # cache of the fold of its events

    class Meta:
        table_name = "followup_case"


class FollowupCaseEvent(BaseModel):
    id = CharField(primary_key=True)
    case = ForeignKeyField(FollowupCase, backref="events", on_delete="CASCADE")
    case_id: str
    type = CharField()
    actor = CharField()
    role = CharField()
    device_id = CharField(default="")
    base_event = CharField(null=True)
    at = CharField()
    note = SealedText(default="")
    data = JSONField(default=dict)
    server_seq = IntegerField(null=True)
    conflict = BooleanField(default=False)

    class Meta:
        table_name = "followup_case_event"


FOLLOWUP_MODELS: list[type[BaseModel]] = [
    FollowupPlan,
    FollowupReading,
    FollowupCase,
    FollowupCaseEvent,
]
