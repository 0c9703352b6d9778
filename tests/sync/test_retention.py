"""Retention with a frozen day: a follow-up plan is deleted 30 days after its last day
(never while its case is open), a person 30 days after leaving (their household with
them when nobody is left), on the server and, through the feed, on the devices — with one
audit entry, and nothing of theirs left in the feed a new device would pull."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner
from people_support import (
    has_member_named,
    member_named,
    office_clock_at,
    record_when_open,
    returnee_family,
)

from fieldapp.cli import main
from fieldapp.domain.clock import today
from fieldapp.services.followups import cases, plans
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.store.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)
from fieldapp.store.people_models import Household
from sync.server import db as server_db
from sync.server.followup_models import FollowupPlan as ServerPlan
from sync.server.models import AuditEntry, ChangeLog
from sync.server.people_models import HouseholdMember as ServerMember
from sync.server.retention import RETENTION_DELETED, run_retention


def _tenants(left_on: dt.date) -> HouseholdForm:
    return HouseholdForm(
        grid_code="V1",
        code="DM-020",
        address="鼎美村出租屋 20 号",
        members=[
            MemberForm("王租客", tags=("tenant",), arrived_on="2026-01-05",
                       left_on=left_on.isoformat()),
            MemberForm("李租客", tags=("tenant",), arrived_on="2026-01-05"),
        ],
    )  # fmt: skip


def _feed_text() -> str:
    return "\n".join(row.payload for row in ChangeLog.select(ChangeLog.payload))


def _follow_ups() -> dict[str, tuple[int, int, int]]:
    """The device's follow-up plans: (readings, cases, case events) of each."""
    return {
        plan.id: (
            FollowupReading.select().where(FollowupReading.plan == plan.id).count(),
            FollowupCase.select().where(FollowupCase.plan == plan.id).count(),
            FollowupCaseEvent.select()
            .join(FollowupCase)
            .where(FollowupCase.plan == plan.id)
            .count(),
        )
        for plan in FollowupPlan.select()
    }


def _run(day: dt.date):  # type: ignore[no-untyped-def]
    with server_db.current().connection_context():
        return run_retention(today=day, keep_days=30)


def test_retention_deletes_ended_follow_ups_and_people_who_left_on_both_ends(
    make_device, server_db_url, monkeypatch
):
    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    start = today()
    registry.save_household(returnee_family())
    father = member_named("陈建国")
    plan_id = plans.create_plan(father.id, start_on=start)  # 14 days: last day start + 13
    morning, afternoon = (d.slot_at for d in plans.due_readings())
    record_when_open(plan_id, morning, {"FUP-01": "36.5", "FUP-02": "yes"})
    sick = record_when_open(plan_id, afternoon, {"FUP-01": "38.1", "FUP-02": "no"})
    # The mother's plan ends the same day, but her case stays open: kept, with everything.
    mother = plans.create_plan(member_named("林秀英").id, start_on=start)
    for due in plans.due_readings():
        record_when_open(mother, due.slot_at, {"FUP-01": "38.4", "FUP-02": "no"})
    tenants = registry.save_household(_tenants(left_on=start - dt.timedelta(days=1)))
    with worker.client() as client:
        assert client.sync_once().ok

    kept = _run(start + dt.timedelta(days=29))  # the tenant left 30 days ago: kept
    assert kept.nothing
    report = _run(start + dt.timedelta(days=44))  # plan over 31 days ago, but its case is open
    assert report.plans == [] and len(report.people) == 1 and report.households == []
    with server_db.current().connection_context():
        assert ServerPlan.select().count() == 2
        assert "王租客" not in _feed_text() and "李租客" in _feed_text()

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    assert not has_member_named("王租客")
    cases.hand_over(sick.case_id, "卫健2026-017")
    cases.record_outcome(sick.case_id, "isolated")
    cases.close(sick.case_id, "已解除隔离")
    with supervisor.client() as client:
        assert client.sync_once().ok

    assert _run(start + dt.timedelta(days=43)).nothing  # last day + 30: still kept
    report = _run(start + dt.timedelta(days=44))
    assert report.plans == [plan_id] and report.readings == 2
    with server_db.current().connection_context():
        assert [plan.id for plan in ServerPlan.select()] == [mother]
        assert ServerMember.select().where(ServerMember.name == "陈建国").exists()  # a resident
        entries = list(AuditEntry.select().where(AuditEntry.action == RETENTION_DELETED))
        assert [len(e.detail["people"]) for e in entries] == [1, 0]  # one entry per run
        assert entries[1].detail["followup_plans"] == [plan_id]
        assert (entries[1].detail["readings"], entries[1].detail["keep_days"]) == (2, 30)
        assert plan_id not in _feed_text()

    with supervisor.client() as client:
        assert client.sync_once().ok
    assert _follow_ups() == {mother: (2, 2, 2)}  # the father's plan, readings and case gone

    worker.open()
    assert _follow_ups() == {plan_id: (2, 1, 1), mother: (2, 2, 2)}  # until its next sync
    with worker.client() as client:
        assert client.sync_once().ok
    assert _follow_ups() == {mother: (2, 2, 2)}
    assert [m.name for m in Household.get_by_id(tenants).members] == ["李租客"]

    # A person who left alone: the household goes with them.
    registry.save_household(
        HouseholdForm(
            grid_code="V1",
            code="DM-021",
            members=[MemberForm("赵独居", tags=("tenant",), left_on=start.isoformat())],
        )  # fmt: skip
    )
    with worker.client() as client:
        assert client.sync_once().ok
    # The command says what it would delete and asks first; declined, nothing goes.
    day = (start + dt.timedelta(days=31)).isoformat()
    command = ["--lang", "zh", "admin", "--db", server_db_url, "retention", "--today", day]
    declined = CliRunner().invoke(main, command, input="n\n")
    assert declined.exit_code == 0, declined.output
    assert (
        "将按保存期限删除：随访计划 0 个、读数 0 条、已离开人员 1 人、空户 1 户" in declined.output
    )
    assert "确定删除吗？ [y/N]" in declined.output and "未删除任何记录。" in declined.output
    with server_db.current().connection_context():
        assert ServerMember.select().where(ServerMember.name == "赵独居").exists()
        assert AuditEntry.select().where(AuditEntry.action == RETENTION_DELETED).count() == 2
    deleted = CliRunner().invoke(main, command, input="y\n")
    assert deleted.exit_code == 0, deleted.output
    assert (
        "已按保存期限删除：随访计划 0 个、读数 0 条、已离开人员 1 人、空户 1 户" in deleted.output
    )
    with server_db.current().connection_context():
        assert not ServerMember.select().where(ServerMember.name == "赵独居").exists()
        assert AuditEntry.select().where(AuditEntry.action == RETENTION_DELETED).count() == 3
    with worker.client() as client:
        assert client.sync_once().ok
    assert not Household.select().where(Household.code == "DM-021").exists()
    assert [m.name for m in Household.get_by_id(tenants).members] == ["李租客"]  # others stay


def test_the_admin_command_runs_retention_on_a_given_day(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    runner = CliRunner()
    assert runner.invoke(main, ["admin", "--db", db, "init"]).exit_code == 0
    done = runner.invoke(main, ["--lang", "en", "admin", "--db", db, "retention", "--yes",
                                "--keep-days", "14", "--today", "2026-07-01"])  # fmt: skip
    assert done.exit_code == 0 and "0 follow-up plans" in done.output and "14 days" in done.output
    asked = runner.invoke(main, ["--lang", "en", "admin", "--db", db, "retention"])
    assert asked.exit_code == 0  # nothing to delete: nothing asked
    assert "Nothing is past retention (kept 30 days); nothing was deleted." in asked.output
    refused = runner.invoke(main, ["admin", "--db", db, "retention", "--keep-days", "-1"])
    assert refused.exit_code == 2


def test_the_command_deletes_by_the_offices_date_not_the_servers(
    seed, server_db_url: str, monkeypatch
) -> None:
    """A server on UTC (as this machine) at 23:30 is 07:30 the next morning in the office (Asia/Shanghai):
    a person who left 15 days before the office's today is past a 14-day retention there,
    and a cron job run then deletes them; by the server's own date they had a day to go."""
    from fieldapp.domain import clock
    from sync.server.models import Grid
    from sync.server.people_models import Household as ServerHousehold

    monkeypatch.setattr(clock, "_now", lambda: dt.datetime.combine(
        dt.date.today(), dt.time(23, 30), tzinfo=dt.UTC))  # fmt: skip
    monkeypatch.setenv("FIELDAPP_OFFICE_TZ", "Asia/Shanghai")
    office_today = dt.date.today() + dt.timedelta(days=1)
    with server_db.current().connection_context():
        grid = Grid.select().first()
        ServerHousehold.create(id="h-left", grid=grid, code="DM-099")
        ServerMember.create(id="m-left", household="h-left", name="钱已走",
                            left_on=(office_today - dt.timedelta(days=15)).isoformat())  # fmt: skip
    done = CliRunner().invoke(main, ["--lang", "en", "admin", "--db", server_db_url,
                                     "retention", "--yes", "--keep-days", "14"])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "1 person who left" in done.output, done.output
    with server_db.current().connection_context():
        assert not ServerMember.select().where(ServerMember.name == "钱已走").exists()
