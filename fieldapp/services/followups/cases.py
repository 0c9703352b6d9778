"""Cases opened by abnormal readings: their state (the one fold), the supervisor's events.

A case is folded by `fieldapp.domain.findings.fold` like a hazard: opened (reported) →
handed_over (to the health centre) → outcome_recorded → closed, with this record kind's
receiving units and outcomes (`domain.followups.CASE_UNITS`, `CASE_OUTCOMES`). An event
and its `followup_case.event` op are one transaction; the refusal of an event a person
may not send now is worded by the machine's `check_event`, except the one a case's state
refuses, which speaks of the case (异常事项) and its states (已办结), not of a hazard
(`state_refusal`, asked by the screen too before a dialog opens). A close says how the
case ended, by the free-text rule (`case_close_note`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.domain import finding_checks, followups
from fieldapp.domain import findings as machine
from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.free_text import text_problem
from fieldapp.domain.ids import new_id
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.store.db import write_transaction
from fieldapp.store.followup_models import FollowupCase, FollowupCaseEvent, FollowupPlan
from fieldapp.store.people_models import HouseholdMember, Responsibility

OP_CASE_EVENT = "followup_case.event"


class CaseEventRefused(ValueError):
    """The event may not be sent now; the message is for a person."""


@dataclass(frozen=True)
class CaseView:
    id: str
    plan_id: str
    name: str  # the person followed
    opened_at: str
    state: str
    failed: tuple[str, ...]
    handed_over_to: str
    outcome: str


def _events(case_id: str) -> list[dict[str, Any]]:
    rows = FollowupCaseEvent.select().where(FollowupCaseEvent.case == case_id)
    return [
        {"id": e.id, "type": e.type, "actor": e.actor, "role": e.role, "at": e.at,
         "base_event": e.base_event, "data": e.data, "server_seq": e.server_seq}
        for e in rows
    ]  # fmt: skip


def folded(case_id: str) -> machine.FindingState:
    return machine.fold(_events(case_id), followups.CASE)


def refold(case_ids: set[str]) -> None:
    for case_id in case_ids:
        state = folded(case_id).state
        FollowupCase.update(state=state).where(FollowupCase.id == case_id).execute()


def cases(*, open_only: bool = False) -> list[CaseView]:
    """The cases of my grids and of the households I am 包保 cadre of, newest first."""
    who = me()
    grids = grid_codes_under([code for code, _name in who.grids])
    mine = Responsibility.select(Responsibility.household).where(
        Responsibility.person_id == who.person_id
    )
    select = (
        FollowupCase.select(FollowupCase, FollowupPlan, HouseholdMember)
        .join(FollowupPlan)
        .join(HouseholdMember)
        .where(FollowupPlan.grid_code.in_(grids) | HouseholdMember.household.in_(mine))
        .order_by(FollowupCase.opened_at.desc())
    )
    if open_only:
        select = select.where(FollowupCase.state != machine.CLOSED)
    views = []
    for case in select:
        state = folded(case.id)
        opened = next((e for e in _events(case.id) if e["type"] == "opened"), None)
        failed = tuple((opened or {}).get("data", {}).get("failed", ()))
        views.append(CaseView(case.id, case.plan_id, case.plan.member.name, case.opened_at,
                              state.state, failed, state.handed_over_to, state.outcome))  # fmt: skip
    return views


def state_refusal(state: str, event_type: str) -> str | None:
    """Why a case in `state` cannot take `event_type` now (a closed case is not handed
    over or closed again), in words about the case; None when its state allows it."""
    from fieldapp.i18n import t

    rule = followups.CASE.transitions.get(event_type)
    if rule is None or state in rule[1]:
        return None
    said = t(f"followups.state.{state}")
    return t("case.refused.state", state=said, action=t(f"case.action.{event_type}"))


def append_event(case_id: str, event_type: str, data: dict[str, Any], note: str = "") -> str:
    """Append one event to a case, checked by the machine; returns its id."""
    who = me()
    state = folded(case_id)
    if (refused := state_refusal(state.state, event_type)) is not None:
        raise CaseEventRefused(refused)
    problem = finding_checks.check_event(
        state, event_type, who.role, data=data, today=today(), lifecycle=followups.CASE,
    )  # fmt: skip
    if problem is not None:
        raise CaseEventRefused(problem)
    event = {"id": new_id(), "type": event_type, "actor": who.person_id, "role": who.role,
             "device_id": who.device_id, "base_event": state.last_event_id, "at": now_iso(),
             "note": note, "data": data}  # fmt: skip
    with write_transaction():
        FollowupCaseEvent.create(case=case_id, **event)
        refold({case_id})
        outbox.enqueue(OP_CASE_EVENT, {"case_id": case_id, "event": {**event, "photos": []}})
    return str(event["id"])


def hand_over(case_id: str, reference: str, note: str = "") -> str:
    data = {"unit": "health_centre", "reference": reference, "date": today().isoformat()}
    return append_event(case_id, "handed_over", data, note)


def record_outcome(case_id: str, outcome: str, note: str = "") -> str:
    return append_event(case_id, "outcome_recorded", {"outcome": outcome}, note)


def close(case_id: str, note: str) -> str:
    """Close the case, saying how it ended (required: "。。" or "😀" says nothing)."""
    if (problem := text_problem("case_close_note", note)) is not None:
        raise CaseEventRefused(problem)
    return append_event(case_id, "closed", {}, note.strip())
