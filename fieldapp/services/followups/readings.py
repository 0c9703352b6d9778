"""Recording a follow-up reading; an abnormal one opens a case.

The reading, the case with its `opened` event when the reading fails the plan's form, and
one `followup.reading` op are one transaction. The case's later events (handed over to
the health centre, outcome, closed) are appended by `cases`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fieldapp.domain import followups
from fieldapp.domain.clock import now_iso
from fieldapp.domain.ids import new_id
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import me
from fieldapp.store.db import db
from fieldapp.store.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)

OP_FOLLOWUP_READING = "followup.reading"


class ReadingInvalid(ValueError):
    """The answers are not a reading of the plan's form; the message says why."""


@dataclass(frozen=True)
class Recorded:
    reading_id: str
    failed: tuple[str, ...]
    case_id: str | None


def record_reading(plan_id: str, slot_at: str, answers: Mapping[str, str]) -> Recorded:
    who = me()
    plan = FollowupPlan.get_by_id(plan_id)
    form = followups.FORMS[plan.form_id]
    values = {code: str(value).strip() for code, value in answers.items()}
    problem = followups.answers_problem(form, values)
    if problem is not None:
        raise ReadingInvalid(problem)
    failed = followups.failed_items(form, values)
    taken = now_iso()
    reading_id = new_id()
    case_payload = None
    with db.atomic():
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
             "device_id": who.device_id, "case": case_payload},
        )  # fmt: skip
    return Recorded(reading_id, tuple(failed), case_id)
