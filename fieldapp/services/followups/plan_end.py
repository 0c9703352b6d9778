"""Ending a follow-up plan early, and the controlled persons still without a plan.

A plan ends early with a reason (the person was moved to hospital, isolation lifted by
the health centre): when, by whom and why are kept on the plan and sent with it (the
`followup.plan` op again, now carrying `ended`; the server records the end once). From
that moment nothing more is due, and a new plan can be made for the person.
"""

from __future__ import annotations

from fieldapp.domain import control_team
from fieldapp.domain.clock import now_iso
from fieldapp.domain.free_text import text_problem
from fieldapp.i18n import t
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import me
from fieldapp.services.followups.plans import (
    OP_FOLLOWUP_PLAN,
    PlanInvalid,
    plan_payload,
    running_plan,
)
from fieldapp.store.db import write_transaction
from fieldapp.store.followup_models import FollowupPlan
from fieldapp.store.people_models import HouseholdMember


def end_plan(plan_id: str, reason: str) -> None:
    """End the plan now, with `reason` (required, in words: "。。" says nothing); queued
    to sync in the same transaction."""
    if not reason.strip():
        raise PlanInvalid(t("plan.end.reason_needed"))
    if (problem := text_problem("plan_end_reason", reason)) is not None:
        raise PlanInvalid(problem)
    with write_transaction():
        plan = FollowupPlan.get_by_id(plan_id)
        if plan.ended_at:
            raise PlanInvalid(t("plan.end.already"))
        plan.ended_at = now_iso()
        plan.ended_by = me().person_id
        plan.end_reason = reason.strip()
        plan.save()
        outbox.enqueue(OP_FOLLOWUP_PLAN, plan_payload(plan))


def unplanned_controlled(household_id: str) -> list[tuple[str, str]]:
    """(id, name) of the household's controlled persons with no running plan: tagged 管控对象,
    they are offered the controlled plan at once."""
    members = HouseholdMember.select().where(HouseholdMember.household == household_id)
    return [(str(m.id), m.name) for m in members
            if control_team.CONTROLLED_TAG in (m.tags or ()) and running_plan(str(m.id)) is None]  # fmt: skip
