"""Recording a follow-up reading; an abnormal one opens a case.

The reading, the case with its `opened` event when the reading fails the plan's form, and
one `followup.reading` op are one transaction. Only a slot of the plan can be answered.
A missed slot's reading is accepted, not refused — the temperature taken is still the
person's temperature, and an abnormal one must still open a case — but it is marked late
(`late` in the op, beside `slot_at` and `taken_at`), so the record says honestly that the
check was not made on time (篇一: missed or late reports are held to account). A slot
still hours away is refused (`ReadingTooEarly`): two checks a day are not one taken
twice. A fever with 无发热… (no fever) is refused (`FeverDenied`): one answer is wrong. A
visit (weekly, monthly) need not carry a temperature. The case's later events (handed
over to the health centre, outcome, closed) are appended by `cases`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fieldapp.domain import followups
from fieldapp.domain.clock import local_now, now_iso
from fieldapp.domain.ids import new_id
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import me
from fieldapp.services.followups import plans
from fieldapp.store.db import write_transaction
from fieldapp.store.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)

OP_FOLLOWUP_READING = "followup.reading"


class ReadingInvalid(ValueError):
    """The answers are not a reading of the plan's form; the message says why."""


class ReadingTooEarly(ReadingInvalid):
    """The slot's time is still hours away (`opens_at`, local YYYY-MM-DDTHH:MM, is when it
    can be recorded): the 16:00 check taken at 08:26 would be the morning's twice."""

    def __init__(self, slot_at: str, opens_at: str) -> None:
        self.opens_at = opens_at
        super().__init__(f"{slot_at} can be recorded from {opens_at}")


class FeverDenied(ReadingInvalid):
    """A fever (above `followups.FEVER_ABOVE`) recorded with 无发热、咳嗽、乏力等症状: the
    reading contradicts itself, so one of the two answers is wrong."""

    def __init__(self, temperature: str) -> None:
        self.temperature = temperature
        super().__init__(f"{temperature} is a fever, yet the symptoms answer says no fever")


@dataclass(frozen=True)
class Recorded:
    reading_id: str
    failed: tuple[str, ...]
    case_id: str | None
    late: bool = False  # taken after the plan's next slot had come (补录)


def record_reading(plan_id: str, slot_at: str, answers: Mapping[str, str]) -> Recorded:
    who = me()
    plan = FollowupPlan.get_by_id(plan_id)
    form = followups.FORMS[plan.form_id]
    values = followups.typed_answers(form, answers)
    if slot_at not in plans.slots(plan):  # e.g. before the plan was created
        raise ReadingInvalid(f"{slot_at} is not a due slot of the plan")
    now = local_now().replace(tzinfo=None)
    if (opens := plans.opens_at(slot_at)) > now.strftime(plans.SLOT_FORMAT):
        raise ReadingTooEarly(slot_at, opens)
    problem = followups.answers_problem(form, values, followups.optional_items(plan.cadence))
    if problem is not None:
        raise ReadingInvalid(problem)
    if followups.fever_denied(values):
        raise FeverDenied(values["FUP-01"])
    late = plans.is_late(plan, slot_at, now)
    failed = followups.failed_items(form, values)
    taken = now_iso()
    reading_id = new_id()
    case_payload = None
    with write_transaction():
        FollowupReading.create(id=reading_id, plan=plan_id, slot_at=slot_at, taken_at=taken,
                               answers=values, failed=failed, recorded_by=who.person_id,
                               device_id=who.device_id)  # fmt: skip
        case_id = None
        if failed:
            case_id = new_id()
            FollowupCase.create(id=case_id, plan=plan_id, reading_id=reading_id, opened_at=taken)
            event = {"id": new_id(), "type": "opened", "actor": who.person_id, "role": who.role,
                     "device_id": who.device_id, "base_event": None, "at": taken, "note": "",
                     "data": {"severity": "major", "failed": failed}}  # fmt: skip
            FollowupCaseEvent.create(case=case_id, **event)
            case_payload = {"id": case_id, "opened_at": taken, "event": {**event, "photos": []}}
        outbox.enqueue(
            OP_FOLLOWUP_READING,
            {"id": reading_id, "plan_id": plan_id, "slot_at": slot_at, "taken_at": taken,
             "answers": values, "failed": failed, "recorded_by": who.person_id,
             "device_id": who.device_id, "case": case_payload, "late": late},
        )  # fmt: skip
    return Recorded(reading_id, tuple(failed), case_id, late)
