"""Follow-up plans, and the readings due to me.

A plan and its `followup.plan` op are written in one transaction. A reading is due at
each slot of its plan's cadence (`domain.followups.due_slots`) from the slot's time on,
until one is recorded for it — never a slot of its first day before it was created
(`created_at`, synced with the plan); `due_readings` lists mine (plans naming me among
the responsible people) up to the end of today, missed ones first, as the home list does
for venues.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.domain import control_team, followups
from fieldapp.domain.clock import local_now, now_iso, wall_moment
from fieldapp.domain.free_text import text_problem
from fieldapp.domain.ids import new_id
from fieldapp.i18n import listed, t
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import me
from fieldapp.store.db import write_transaction
from fieldapp.store.followup_models import FollowupPlan, FollowupReading
from fieldapp.store.people_models import Household, HouseholdMember

OP_FOLLOWUP_PLAN = "followup.plan"
SLOT_FORMAT = "%Y-%m-%dT%H:%M"


class PlanInvalid(ValueError):
    """The plan cannot be made as asked; the message says why."""


class PlanActive(PlanInvalid):
    """The person already has a plan that has not ended: a second one would ask for
    every reading twice. The message (for the person at the device) says until when,
    and what to do instead."""

    def __init__(self, name: str, last_day: dt.date) -> None:
        self.last_day = last_day
        super().__init__(t("plan.active", name=name, last_day=last_day.isoformat()))


class TeamIncomplete(PlanInvalid):
    """A controlled person's 三包一 team lacks someone: the message says whom."""

    def __init__(self, missing: dict[str, int]) -> None:
        self.missing = missing
        self.role = next(iter(missing))  # the first role lacking someone
        who = listed(t(f"plan.team.missing.{role}", count=n) for role, n in missing.items())
        super().__init__(t("plan.team.incomplete", missing=who))


class TeamNameInvalid(PlanInvalid):
    """A name in the 三包一 team names no one ("王" alone, "😀"): the message says which."""

    def __init__(self, role: str, problem: str) -> None:
        self.role = role
        super().__init__(t("plan.team.name_invalid", role=t(f"plan.team.{role}"), problem=problem))


def team_problem(
    team: list[dict[str, str]], *, required: bool
) -> TeamIncomplete | TeamNameInvalid | None:
    """What keeps `team` from being a plan's 三包一 team, or None: someone missing (a
    controlled person's plan `required` one; any team given is whole), or a name that
    names no one, as the people form refuses it."""
    if (required or team) and (missing := control_team.shortfall(team)):
        return TeamIncomplete(missing)
    for member in team:
        if problem := text_problem("person_name", member["name"]):
            return TeamNameInvalid(member["role"], problem)
    return None


@dataclass(frozen=True)
class DueReading:
    plan_id: str
    member_id: str
    name: str
    slot_at: str  # local YYYY-MM-DDTHH:MM
    missed: bool  # an earlier slot than the latest one due now
    opens_at: str = ""  # when it can be recorded (local YYYY-MM-DDTHH:MM)
    upcoming: bool = False  # not yet: recorded from `opens_at` on
    temperature: bool = True  # a temperature check (not a visit): the temperature is asked


def opens_at(slot_at: str) -> str:
    """When the slot can be recorded, in the slot's format (`followups.opens_at`)."""
    slot = dt.datetime.strptime(slot_at, SLOT_FORMAT)
    return followups.opens_at(slot).strftime(SLOT_FORMAT)


def plan_payload(plan: FollowupPlan) -> dict[str, object]:
    return {
        "id": plan.id,
        "member_id": plan.member_id,
        "grid_code": plan.grid_code,
        "form_id": plan.form_id,
        "cadence": plan.cadence,
        "times": list(plan.times or ()),
        "start_on": plan.start_on.isoformat(),
        "days": plan.days,
        "responsible": list(plan.responsible or ()),
        "created_by": plan.created_by,
        "created_at": plan.created_at,
        "team": list(plan.team or ()),
        "ended": None if not plan.ended_at else
        {"at": plan.ended_at, "by": plan.ended_by, "reason": plan.end_reason or ""},
    }  # fmt: skip


def create_plan(
    member_id: str,
    *,
    cadence: str = "twice_daily",
    start_on: dt.date | None = None,
    days: int | None = None,
    responsible: list[str] | None = None,
    form_id: str = followups.HEALTH_FORM.id,
    team: list[dict[str, str]] | None = None,
) -> str:
    """A plan on a person; I am responsible unless others are named. Returns its id.
    `team` (a controlled person's 三包一) must hold everyone `control_team` asks for."""
    who = me()
    if cadence not in followups.CADENCES:
        raise PlanInvalid(f"unknown cadence {cadence!r}")
    if form_id not in followups.FORMS:
        raise PlanInvalid(f"unknown form {form_id!r}")
    days = days if days is not None else followups.DEFAULT_DAYS[cadence]
    if not 1 <= days <= 3660:
        raise PlanInvalid("a plan runs for 1 to 3660 days")
    if team is not None and (problem := team_problem(team, required=True)):
        raise problem
    member = HouseholdMember.get_by_id(member_id)
    household = Household.get_by_id(member.household_id)
    with write_transaction():
        _refuse_a_second_plan(member)
        plan = FollowupPlan.create(
            id=new_id(),
            member=member_id,
            grid_code=household.grid_code,
            form_id=form_id,
            cadence=cadence,
            times=[],
            start_on=start_on or local_now().date(),
            days=days,
            responsible=list(dict.fromkeys(responsible or [who.person_id])),
            created_by=who.person_id,
            created_at=now_iso(),
            team=list(team or ()),
        )
        outbox.enqueue(OP_FOLLOWUP_PLAN, plan_payload(plan))
    return str(plan.id)


def last_day(plan: FollowupPlan) -> dt.date:
    return plan.start_on + dt.timedelta(days=plan.days - 1)


@dataclass(frozen=True)
class HeldPlan:
    id: str
    last_day: dt.date


def running_plan(member_id: str) -> HeldPlan | None:
    """The person's plan that has not ended (last day today or later, or not started
    yet; not ended early)."""
    today = local_now().date()
    held = FollowupPlan.select().where(FollowupPlan.member == member_id,
                                       FollowupPlan.ended_at.is_null())  # fmt: skip
    running = [plan for plan in held if last_day(plan) >= today]
    if not running:
        return None
    plan = max(running, key=last_day)
    return HeldPlan(str(plan.id), last_day(plan))


def _refuse_a_second_plan(member: HouseholdMember) -> None:
    """PlanActive when the person has a running plan. Refused rather than replaced: the
    held plan keeps its readings (it can be ended early, `plan_end`)."""
    if (held := running_plan(str(member.id))) is not None:
        raise PlanActive(member.name, held.last_day)


def local_minute(stamp: str) -> dt.datetime:
    """A synced UTC stamp in local wall-clock time (naive, to the minute)."""
    return wall_moment(str(stamp)).replace(tzinfo=None, second=0, microsecond=0)


def created_local(plan: FollowupPlan) -> dt.datetime:
    """The plan's creation moment in local wall-clock time (naive, to the minute): the
    synced `created_at` (UTC), so every device lists the same first slot."""
    return local_minute(plan.created_at)


def _not_before(plan: FollowupPlan) -> dt.datetime | None:
    """A plan that starts the day it is made begins at that moment (made at 22:22, with
    tomorrow's 08:00); one dated back on purpose (readings taken on paper before it was
    entered) keeps the slots from its start."""
    created = created_local(plan)
    start = plan.start_on
    start = start if isinstance(start, dt.date) else dt.date.fromisoformat(str(start))
    return created if start >= created.date() else None


def slots(plan: FollowupPlan) -> list[str]:
    times = tuple(plan.times or ())
    due = followups.due_slots(plan.start_on, plan.days, plan.cadence, times,
                              not_before=_not_before(plan))  # fmt: skip
    if plan.ended_at:  # ended early: nothing is due from that moment on
        due = [at for at in due if at < local_minute(plan.ended_at)]
    return [at.strftime(SLOT_FORMAT) for at in due]


def is_late(plan: FollowupPlan, slot_at: str, at: dt.datetime) -> bool:
    """A reading taken at `at` (local, naive) for `slot_at` is late once the plan's next
    slot has come: it is kept (the temperature is still a reading) but marked late."""
    later = [s for s in slots(plan) if s > slot_at]
    next_day = dt.datetime.strptime(slot_at[:10], "%Y-%m-%d") + dt.timedelta(days=1)
    return at.strftime(SLOT_FORMAT) >= (later[0] if later else next_day.strftime(SLOT_FORMAT))


def due_readings(*, person_id: str | None = None, planned: bool = False) -> list[DueReading]:
    """The readings due to me (or `person_id`) by the end of today and not recorded;
    `planned`: also, for each of my plans with none left today (made tonight, starting
    later), its next reading, upcoming, so a plan just made is listed with its time."""
    person = person_id or me().person_id
    now = local_now().replace(tzinfo=None)
    end_of_today = dt.datetime.combine(now.date(), dt.time(23, 59)).strftime(SLOT_FORMAT)
    current = now.strftime(SLOT_FORMAT)
    found: list[DueReading] = []
    plans = FollowupPlan.select(FollowupPlan, HouseholdMember).join(HouseholdMember)
    if not planned:
        plans = plans.where(FollowupPlan.start_on <= now.date())
    for plan in plans:
        if person not in (plan.responsible or ()):
            continue
        done = {r.slot_at for r in FollowupReading.select(FollowupReading.slot_at).where(
            FollowupReading.plan == plan.id)}  # fmt: skip
        every = slots(plan)
        today = [s for s in every if s <= end_of_today]
        # A slot is missed once a later one has come, recorded or not: recording the
        # 16:00 reading late does not make the 08:00 one due again.
        latest_due = max((s for s in today if s <= current), default=None)
        pending = [s for s in today if s not in done]
        if planned and not pending:
            pending = [s for s in every if s > end_of_today][:1]  # the next, not yet due
        for slot in pending:
            missed = latest_due is not None and slot < latest_due
            opens = opens_at(slot)
            found.append(DueReading(plan.id, plan.member_id, plan.member.name, slot, missed,
                                    opens, opens > current,
                                    plan.cadence in followups.TEMPERATURE_CHECKS))  # fmt: skip
    return sorted(found, key=lambda d: (d.slot_at, d.name))
