"""Retention on the server: follow-ups and people past their time are deleted, here and —
through the feed — on every device (`fieldapp.domain.retention` says which).

One run is one transaction: the rows go, a deletion (or, for a household that still has
people, its record without the deleted ones) is appended to the feed, the feed's earlier
rows of those records go (they carry the names and sealed numbers; a device that has not
pulled them yet gets only the deletion), and one audit entry says what was deleted, by
which rule and with how many days kept. Run by `fieldapp admin retention` (daily, e.g.
from cron); `today` is given by the caller so a test can freeze it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fieldapp.domain import retention as rules
from sync.server import audit
from sync.server import db as server_db
from sync.server.feed import CHANGE_LOG_LOCK_KEY, NewChange, append_changes
from sync.server.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)
from sync.server.followups import household_of
from sync.server.models import ChangeLog
from sync.server.people import household_change
from sync.server.people_models import Household, HouseholdMember, Vehicle

RETENTION_DELETED = "retention.deleted"
CLOSED = "closed"


@dataclass
class RetentionReport:
    plans: list[str] = field(default_factory=list)
    readings: int = 0
    people: list[str] = field(default_factory=list)
    households: list[str] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        return not (self.plans or self.people or self.households)


def _open_case_plans() -> set[str]:
    query = FollowupCase.select(FollowupCase.plan).where(FollowupCase.state != CLOSED)
    return {str(row.plan_id) for row in query}


def _expired_plans(today: dt.date, keep_days: int, open_plans: set[str]) -> list[FollowupPlan]:
    return [
        plan
        for plan in FollowupPlan.select()
        if rules.plan_expired(
            dt.date.fromisoformat(plan.start_on),
            plan.days,
            case_open=plan.id in open_plans,
            today=today,
            keep_days=keep_days,
        )
    ]


def _departed(today: dt.date, keep_days: int, open_plans: set[str]) -> list[HouseholdMember]:
    with_open_case = {
        str(row.member_id)
        for row in FollowupPlan.select(FollowupPlan.member).where(
            FollowupPlan.id.in_(list(open_plans) or [""])
        )
    }
    return [
        member
        for member in HouseholdMember.select().where(HouseholdMember.left_on.is_null(False))
        if member.left_on
        and rules.departed_expired(
            dt.date.fromisoformat(member.left_on),
            case_open=member.id in with_open_case,
            today=today,
            keep_days=keep_days,
        )
    ]


def _delete_plans(
    plan_ids: list[str], report: RetentionReport, forget: list[tuple[str, list[str]]]
) -> list[NewChange]:
    if not plan_ids:
        return []
    plans = list(FollowupPlan.select().where(FollowupPlan.id.in_(plan_ids)))
    households = {p.id: household_of(p) for p in plans}  # before the members may go
    cases = [c.id for c in FollowupCase.select(FollowupCase.id).where(
        FollowupCase.plan.in_(plan_ids))]  # fmt: skip
    if cases:
        FollowupCaseEvent.delete().where(FollowupCaseEvent.case.in_(cases)).execute()
        FollowupCase.delete().where(FollowupCase.id.in_(cases)).execute()
    report.readings += FollowupReading.delete().where(FollowupReading.plan.in_(plan_ids)).execute()
    FollowupPlan.delete().where(FollowupPlan.id.in_(plan_ids)).execute()
    forget.append(("followup", plan_ids))
    report.plans += plan_ids
    return [NewChange("followup", p.id, {}, grid_code=p.grid_code, deleted=True,
                      household_id=households[p.id]) for p in plans]  # fmt: skip


def _feed_top() -> int:
    """The feed's highest seq, with the feed's lock held on PostgreSQL (reentrant: the
    append takes it again)."""
    db = server_db.current()
    if server_db.is_postgres():
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (CHANGE_LOG_LOCK_KEY,))
    return int(db.execute_sql("SELECT MAX(seq) FROM change_log").fetchone()[0] or 0)


def _forget_feed(forget: list[tuple[str, list[str]]], top: int) -> None:
    """The feed's earlier rows of these records (they hold what is being deleted), once
    the new rows are appended above them: SQLite gives a new row the highest seq + 1, so
    deleting the top rows first would hand their seqs again, below devices' cursors."""
    for kind, record_ids in forget:
        ChangeLog.delete().where(
            (ChangeLog.type == kind) & ChangeLog.record_id.in_(record_ids) & (ChangeLog.seq <= top)
        ).execute()


class _Previewed(Exception):
    """Ends a preview's transaction, so all it deleted is rolled back."""

    def __init__(self, report: RetentionReport) -> None:
        super().__init__()
        self.report = report


def preview_retention(
    *, today: dt.date, keep_days: int = rules.DEFAULT_KEEP_DAYS
) -> RetentionReport:
    """What `run_retention` would delete on `today`, counted by doing it in a transaction
    that is rolled back: nothing is deleted, nothing audited."""
    try:
        run_retention(today=today, keep_days=keep_days, preview=True)
    except _Previewed as previewed:
        return previewed.report
    raise AssertionError("a preview always rolls back")  # pragma: no cover


def run_retention(
    *, today: dt.date, keep_days: int = rules.DEFAULT_KEEP_DAYS, preview: bool = False
) -> RetentionReport:
    """Delete what the rules say is past its time on `today`; one audit entry when
    anything was deleted. `preview`: see `preview_retention`."""
    if not rules.SHORTEST_KEEP_DAYS <= keep_days <= rules.LONGEST_KEEP_DAYS:
        raise ValueError(f"keep_days must be {rules.SHORTEST_KEEP_DAYS}–{rules.LONGEST_KEEP_DAYS}")
    report = RetentionReport()
    forget: list[tuple[str, list[str]]] = []
    with server_db.write_transaction():
        top = _feed_top()
        open_plans = _open_case_plans()
        expired = [p.id for p in _expired_plans(today, keep_days, open_plans)]
        changes = _delete_plans(expired, report, forget)
        departed = _departed(today, keep_days, open_plans)
        member_plans = [p.id for p in FollowupPlan.select(FollowupPlan.id).where(
            FollowupPlan.member.in_([m.id for m in departed] or [""]))]  # fmt: skip
        changes += _delete_plans(member_plans, report, forget)
        households = sorted({str(m.household_id) for m in departed})
        if departed:
            HouseholdMember.delete().where(
                HouseholdMember.id.in_([m.id for m in departed])
            ).execute()
            report.people = sorted(m.id for m in departed)
            forget.append(("household", households))
        for household in Household.select().where(Household.id.in_(households or [""])):
            if HouseholdMember.select().where(HouseholdMember.household == household.id).exists():
                changes.append(household_change(household))
                continue
            Vehicle.delete().where(Vehicle.household == household.id).execute()
            household.delete_instance()
            report.households.append(household.id)
            gone = NewChange("household", household.id, {}, grid_code=household.grid_code,
                             deleted=True, household_id=household.id)  # fmt: skip
            changes.append(gone)
        if not report.nothing:
            audit.record(
                RETENTION_DELETED,
                detail={
                    "keep_days": keep_days,
                    "today": today.isoformat(),
                    "followup_plans": report.plans,
                    "readings": report.readings,
                    "people": report.people,
                    "households": report.households,
                },
            )
        append_changes(changes)
        _forget_feed(forget, top)
        if preview:
            raise _Previewed(report)
    return report
