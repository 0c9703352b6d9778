"""Pulled follow-ups: a plan with its readings, cases and case events, upserted; each
case's cached state refolded from its events in the server's order (the one fold)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fieldapp.domain import findings as machine
from fieldapp.domain import followups
from fieldapp.store.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)
from fieldapp.store.people_models import HouseholdMember

PLAN_FIELDS = ("grid_code", "form_id", "cadence", "times", "days", "responsible", "created_by",
               "created_at")  # fmt: skip


def _upsert(model: Any, row_id: str, values: dict[str, Any]) -> None:
    model.insert(id=row_id, **values).on_conflict(
        conflict_target=[model.id], update=values
    ).execute()


def apply_followup(record: dict[str, Any]) -> str | None:
    """Upsert the plan and everything under it; a warning when its person is not here."""
    held = HouseholdMember.select(HouseholdMember.id).where(
        HouseholdMember.id == record["member_id"]
    )  # the id only: a pull applied while locked opens nothing
    if not held.exists():
        return f"follow-up plan {record['id']} skipped: its person is not on this device"
    values = {f: record.get(f) for f in PLAN_FIELDS}
    values.update(member=record["member_id"], start_on=dt.date.fromisoformat(record["start_on"]))
    ended = record.get("ended") or {}  # an older server sends neither
    values.update(team=record.get("team") or [], ended_at=ended.get("at"),
                  ended_by=ended.get("by") or "", end_reason=ended.get("reason"))  # fmt: skip
    _upsert(FollowupPlan, record["id"], values)
    for r in record.get("readings") or ():
        _upsert(FollowupReading, r["id"], {
            "plan": record["id"], "slot_at": r["slot_at"], "taken_at": r["taken_at"],
            "answers": r.get("answers") or {}, "failed": r.get("failed") or [],
            "recorded_by": r["recorded_by"], "device_id": r.get("device_id") or "",
        })  # fmt: skip
    for c in record.get("cases") or ():
        _upsert(FollowupCase, c["id"], {"plan": record["id"], "reading_id": c["reading_id"],
                                        "opened_at": c["opened_at"]})  # fmt: skip
        for e in c.get("events") or ():
            _upsert(FollowupCaseEvent, e["id"], {
                "case": c["id"], "type": e["type"], "actor": e["actor"], "role": e["role"],
                "device_id": e.get("device_id") or "", "base_event": e.get("base_event"),
                "at": e["at"], "note": e.get("note") or "", "data": e.get("data") or {},
                "server_seq": e.get("server_order"), "conflict": bool(e.get("conflict")),
            })  # fmt: skip
        refold_case(c["id"])
    return None


def refold_case(case_id: str) -> None:
    events = [
        {"id": e.id, "type": e.type, "actor": e.actor, "role": e.role, "at": e.at,
         "base_event": e.base_event, "data": e.data, "server_seq": e.server_seq}
        for e in FollowupCaseEvent.select().where(FollowupCaseEvent.case == case_id)
    ]  # fmt: skip
    state = machine.fold(events, followups.CASE).state
    FollowupCase.update(state=state).where(FollowupCase.id == case_id).execute()


def remove_followup(plan_id: str) -> None:
    """A plan the server deleted (retention): it goes with its readings and cases."""
    cases = [c.id for c in FollowupCase.select(FollowupCase.id).where(FollowupCase.plan == plan_id)]
    if cases:
        FollowupCaseEvent.delete().where(FollowupCaseEvent.case.in_(cases)).execute()
        FollowupCase.delete().where(FollowupCase.id.in_(cases)).execute()
    FollowupReading.delete().where(FollowupReading.plan == plan_id).execute()
    FollowupPlan.delete().where(FollowupPlan.id == plan_id).execute()
