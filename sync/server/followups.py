"""`followup.plan`, `followup.reading` and `followup_case.event` on the server.

The server checks what it can: the person and the plan are in the device's grids (or in a
household its person is 包保 cadre of), the reader is responsible for the plan (or a
supervisor of its grid), and whether a reading fails its form is computed here again from
its answers — a reading that fails must come with the case it opens. Case events are folded by the one fold in server order; a
transition no longer valid when it arrives is kept and flagged (invariant 5). Every
change sends the whole plan (readings, cases, events) to the devices of its grid and of
its household's cadres.

A close of a case says how it ended and a plan ended early says why, by the free-text
rule the device's forms use (`case_close_note`, `plan_end_reason`): older devices sent a
close with no note and took "。。" for a reason; both are refused, coded free_text with
the rule, which the device words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fieldapp.domain import control_team, finding_checks, followups
from fieldapp.domain import findings as machine
from sync.protocol import (
    CaseEventSubmit,
    EventPayload,
    FollowupPlanPayload,
    FollowupReadingPayload,
    refusals,
)
from sync.server import db as server_db
from sync.server.feed import NewChange
from sync.server.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)
from sync.server.op_checks import check_text
from sync.server.people_models import Household, HouseholdMember
from sync.server.scope import (
    DeviceContext,
    may_write_household,
    outside_grid_reason,
    require_own,
)
from sync.server.submit import Applied


def followup_record(plan: FollowupPlan) -> dict[str, Any]:
    readings = FollowupReading.select().where(FollowupReading.plan == plan.id)
    cases = FollowupCase.select().where(FollowupCase.plan == plan.id)
    return {
        "id": plan.id,
        "member_id": plan.member_id,
        "grid_code": plan.grid_code,
        "form_id": plan.form_id,
        "cadence": plan.cadence,
        "times": plan.times,
        "start_on": plan.start_on,
        "days": plan.days,
        "responsible": plan.responsible,
        "created_by": plan.created_by,
        "created_at": plan.created_at,
        "team": plan.team or [],
        "ended": {"at": plan.ended_at, "by": plan.ended_by, "reason": plan.end_reason}
        if plan.ended_at else None,
        "readings": [
            {"id": r.id, "slot_at": r.slot_at, "taken_at": r.taken_at, "answers": r.answers,
             "failed": r.failed, "recorded_by": r.recorded_by, "device_id": r.device_id}
            for r in readings.order_by(FollowupReading.slot_at, FollowupReading.id)
        ],
        "cases": [
            {"id": c.id, "reading_id": c.reading_id, "opened_at": c.opened_at, "state": c.state,
             "events": [_event_record(e) for e in FollowupCaseEvent.select().where(
                 FollowupCaseEvent.case == c.id).order_by(FollowupCaseEvent.server_order)]}
            for c in cases.order_by(FollowupCase.opened_at)
        ],
    }  # fmt: skip


def _event_record(event: FollowupCaseEvent) -> dict[str, Any]:
    return {
        "id": event.id, "type": event.type, "actor": event.actor, "role": event.role,
        "device_id": event.device_id, "base_event": event.base_event, "at": event.at,
        "note": event.note, "data": event.data, "server_order": event.server_order,
        "conflict": event.conflict,
    }  # fmt: skip


def household_of(plan: FollowupPlan) -> str:
    return str(HouseholdMember.get_by_id(plan.member_id).household_id)


def followup_change(plan: FollowupPlan) -> NewChange:
    """The plan with everything under it, visible in its grid and to its household's 包保
    cadres."""
    return NewChange("followup", plan.id, followup_record(plan), grid_code=plan.grid_code,
                     household_id=household_of(plan))  # fmt: skip


def _required_text(what: str, rule: str, text: str, missing: str) -> None:
    """A text `what` must have: refused as `missing` (what it does without one) when
    empty, else by the free-text `rule`; both coded free_text with the rule."""
    if not text.strip():
        raise refusals.refused(f"{what} {missing}", refusals.FREE_TEXT, text_rule=rule)
    check_text(what, rule, text)


def _plan_in_scope(who: DeviceContext, plan_id: str) -> FollowupPlan:
    plan = FollowupPlan.get_or_none(FollowupPlan.id == plan_id)
    if plan is None:
        text = f"follow-up plan {plan_id} is not known to the server; sync it first"
        raise refusals.unknown_record("plan", plan_id, text)
    if not may_write_household(who, household_of(plan), plan.grid_code):
        raise ValueError(outside_grid_reason(who, plan.grid_code, f"follow-up plan {plan_id}"))
    return plan


def apply_followup_plan(who: DeviceContext, sub: FollowupPlanPayload) -> Applied:
    held = FollowupPlan.get_or_none(FollowupPlan.id == sub.id)
    if held is None or sub.ended is None:  # who ends a plan need not be who made it
        require_own(who, sub.created_by, f"follow-up plan {sub.id}")
    member = HouseholdMember.get_or_none(HouseholdMember.id == sub.member_id)
    if member is None:
        text = f"person {sub.member_id} is not known to the server; sync them first"
        raise refusals.unknown_record("person", sub.member_id, text)
    grid = Household.get_by_id(member.household_id).grid_code
    if not may_write_household(who, member.household_id, grid):
        raise ValueError(outside_grid_reason(who, grid, f"follow-up plan {sub.id}"))
    if sub.form_id not in followups.FORMS or sub.cadence not in followups.CADENCES:
        text = f"follow-up plan {sub.id}: unknown form or cadence"
        raise refusals.refused(text, refusals.FOLLOWUP_PLAN)
    try:
        dt.date.fromisoformat(sub.start_on)
    except ValueError:
        text = f"follow-up plan {sub.id}: {sub.start_on!r} is not a date"
        raise refusals.refused(text, refusals.FOLLOWUP_PLAN) from None
    ending = sub.ended is not None and (held is None or not held.ended_at)  # ended once
    if ending and sub.ended is not None:
        what = f"the end of follow-up plan {sub.id}"
        _required_text(what, "plan_end_reason", sub.ended.reason, "gives no reason")
    team = [member.model_dump() for member in sub.team]
    if team and (missing := control_team.shortfall(team)):
        text = f"follow-up plan {sub.id}: its 三包一 team lacks {missing}"
        raise refusals.refused(text, refusals.FOLLOWUP_PLAN)
    if held is None:
        values = sub.model_dump(exclude={"ended"})
        FollowupPlan.create(**{**values, "grid_code": grid, "member": sub.member_id})
    if ending and sub.ended is not None:
        require_own(who, sub.ended.by, f"the end of follow-up plan {sub.id}")
        FollowupPlan.update(ended_at=sub.ended.at, ended_by=sub.ended.by,
                            end_reason=sub.ended.reason).where(
            FollowupPlan.id == sub.id).execute()  # fmt: skip
    return Applied([followup_change(FollowupPlan.get_by_id(sub.id))])


def _event_row(who: DeviceContext, case_id: str, event: EventPayload, order: int,
               conflict: bool) -> dict[str, Any]:  # fmt: skip
    return {
        "id": event.id, "case": case_id, "type": event.type, "actor": who.person_id,
        "role": who.role, "device_id": who.device_id, "base_event": event.base_event,
        "at": event.at, "note": event.note, "data": event.data,
        "received_at": server_db.now_iso(), "server_order": order, "conflict": conflict,
    }  # fmt: skip


def apply_followup_reading(who: DeviceContext, sub: FollowupReadingPayload) -> Applied:
    require_own(who, sub.recorded_by, f"reading {sub.id}")
    plan = _plan_in_scope(who, sub.plan_id)
    if who.person_id not in (plan.responsible or ()) and not who.is_supervisor:
        text = f"reading {sub.id}: {who.person_name} is not responsible for this plan"
        raise refusals.refused(text, refusals.FOLLOWUP_NOT_RESPONSIBLE, person=who.person_name)
    form = followups.FORMS[plan.form_id]
    optional = followups.optional_items(plan.cadence)  # a visit's temperature
    if problem := followups.answers_problem(form, sub.answers, optional):
        raise refusals.refused(f"reading {sub.id}: {problem}", refusals.FOLLOWUP_ANSWERS)
    if followups.fever_denied(sub.answers):  # as the device's record_reading refuses it
        temperature = str(sub.answers["FUP-01"]).strip()
        text = f"reading {sub.id}: {temperature} is a fever, yet the symptoms answer says none"
        raise refusals.refused(
            text,
            refusals.FOLLOWUP_FEVER_DENIED,
            temperature=temperature,
            above=f"{followups.FEVER_ABOVE:g}",
        )
    failed = followups.failed_items(form, sub.answers)
    if bool(failed) != (sub.case is not None):
        text = f"reading {sub.id}: a reading opens a case exactly when it fails the form"
        raise refusals.refused(text, refusals.FOLLOWUP_CASE)
    if FollowupReading.get_or_none(FollowupReading.id == sub.id) is None:
        FollowupReading.create(
            **sub.model_dump(exclude={"case", "plan_id", "failed"}), plan=plan.id, failed=failed,
            received_at=server_db.now_iso(),
        )  # fmt: skip
        if sub.case is not None:
            if sub.case.event.type != "opened":
                text = f"reading {sub.id}: a case starts with its opened event"
                raise refusals.refused(text, refusals.FOLLOWUP_CASE)
            FollowupCase.create(id=sub.case.id, plan=plan.id, reading_id=sub.id,
                                opened_at=sub.case.opened_at)  # fmt: skip
            FollowupCaseEvent.create(**_event_row(who, sub.case.id, sub.case.event, 0, False))
    seqs = {sub.case.event.id: 0} if sub.case is not None else {}
    return Applied([followup_change(plan)], event_seqs=seqs)


def apply_case_event(who: DeviceContext, sub: CaseEventSubmit) -> Applied:
    require_own(who, sub.event.actor, f"case event {sub.event.id}")
    case = FollowupCase.get_or_none(FollowupCase.id == sub.case_id)
    if case is None:
        text = f"case {sub.case_id} is not known to the server; sync it first"
        raise refusals.unknown_record("case", sub.case_id, text)
    plan = _plan_in_scope(who, case.plan_id)
    if not machine.role_may_send(who.role, sub.event.type, followups.CASE):
        text = f"a {who.role} may not send {sub.event.type} on a case"
        raise refusals.wrong_role(who.role, sub.event.type, text)
    if sub.event.type == "handed_over":  # coded as a hazard's 文号 (free_text and its rule)
        reference = str(sub.event.data.get("reference", ""))
        check_text(f"the reference of case event {sub.event.id}", "hand_over_reference", reference)
    problem = finding_checks.check_event_data(sub.event.type, sub.event.data, followups.CASE)
    if problem is not None:  # worded in the server's language: the device words it again
        raise refusals.refused(problem, refusals.CASE_EVENT_DATA, event=sub.event.type)
    held = list(FollowupCaseEvent.select().where(FollowupCaseEvent.case == case.id))
    if any(e.id == sub.event.id for e in held):
        return Applied([])
    if sub.event.type == "closed":
        what = f"the close of case {sub.case_id}"
        _required_text(what, "case_close_note", sub.event.note, "does not say how it ended")
    events = [_event_record(e) | {"server_seq": e.server_order} for e in held]
    before = machine.fold(events, followups.CASE)
    reason = machine.check_transition(before.state, sub.event.type, who.role, followups.CASE)
    order = len(held)
    FollowupCaseEvent.create(**_event_row(who, case.id, sub.event, order, reason is not None))
    new = {**sub.event.model_dump(), "role": who.role, "server_seq": order}
    state = machine.fold([*events, new], followups.CASE).state
    FollowupCase.update(state=state).where(FollowupCase.id == case.id).execute()
    return Applied([followup_change(plan)], conflict=reason, event_seqs={sub.event.id: order})
