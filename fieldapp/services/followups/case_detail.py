"""What lies behind a case (Enter on it in ctrl+t): the readings of its plan from the one
that opened it on — the temperature, the symptoms, when and by whom — and its events, each
in words, so the grid head sees 38.2 ℃ and the symptoms, not only 体温 已上报."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.clock import local_minute
from fieldapp.i18n import t
from fieldapp.store.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)
from fieldapp.store.models import Person
from fieldapp.store.people_models import HouseholdMember


@dataclass(frozen=True)
class CaseDetail:
    name: str  # the person followed
    readings: tuple[str, ...]  # one line each, the opening one first
    events: tuple[str, ...]  # one line each, in order


def person_names(ids: list[str]) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    rows = Person.select(Person.id, Person.name).where(Person.id.in_(wanted))
    return {p.id: p.name for p in rows}


def reading_line(reading: FollowupReading, names: dict[str, str]) -> str:
    answers = reading.answers or {}
    value = str(answers.get("FUP-01", "")).strip()
    temperature = (
        t("case.detail.temperature", value=value) if value else t("case.detail.no_temperature")
    )
    symptoms = t("reading.symptoms.some" if answers.get("FUP-02") in ("no", "fail")
                 else "reading.symptoms.none")  # fmt: skip
    who = names.get(reading.recorded_by, reading.recorded_by)
    return t("case.detail.reading", at=local_minute(reading.taken_at), temperature=temperature,
             symptoms=symptoms, who=who)  # fmt: skip


def event_line(event: FollowupCaseEvent, names: dict[str, str]) -> str:
    data = event.data or {}
    what = t(f"case.event.{event.type}")
    if event.type == "handed_over" and data.get("reference"):
        what = f"{what} · {data['reference']}"
    if event.type == "outcome_recorded" and data.get("outcome"):
        what = f"{what} · {t('case.outcome.' + str(data['outcome']))}"
    if event.note:
        what = f"{what} · {event.note}"
    who = names.get(event.actor, event.actor)
    return t("case.detail.event", at=local_minute(event.at), what=what, who=who)


def case_detail(case_id: str) -> CaseDetail:
    case = FollowupCase.get_by_id(case_id)
    plan = FollowupPlan.get_by_id(case.plan_id)
    opening = FollowupReading.get_or_none(FollowupReading.id == case.reading_id)
    later = FollowupReading.select().where(FollowupReading.plan == plan.id)
    if opening is not None:
        later = later.where(FollowupReading.slot_at > opening.slot_at)
    readings = [*([opening] if opening is not None else []),
                *later.order_by(FollowupReading.slot_at)]  # fmt: skip
    events = list(FollowupCaseEvent.select().where(FollowupCaseEvent.case == case_id)
                  .order_by(FollowupCaseEvent.at))  # fmt: skip
    names = person_names([r.recorded_by for r in readings] + [e.actor for e in events]
                         + [plan.ended_by])  # fmt: skip
    lines = [event_line(e, names) for e in events]
    if plan.ended_at:  # the plan ended early: the last thing that happened to the person
        what = t("case.event.plan_ended", reason=plan.end_reason or "")
        who = names.get(plan.ended_by, plan.ended_by)
        lines.append(t("case.detail.event", at=local_minute(plan.ended_at), what=what, who=who))
    member = HouseholdMember.get_by_id(plan.member_id)
    return CaseDetail(member.name, tuple(reading_line(r, names) for r in readings), tuple(lines))
