"""Daily reports: counts from the store, the zero report and its outbox op, reminders
against a frozen clock, and which grids are missing or late."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from rounds_support import (
    INSPECTOR_A11,
    INSPECTOR_A12,
    SUPERVISOR,
    Clock,
    act_as,
    add_venue,
    china,
    close_event,
    inspect,
)

from fieldapp.services.common import outbox
from fieldapp.services.daily_report import reports as reports
from fieldapp.services.daily_report import status as report_status
from fieldapp.store.models import DailyReport, Finding, Outbox

# The day's activities and patrols, none in these tests.
NOTHING_ELSE = {
    "activities": 0,
    "activities_by_type": {},
    "patrols_done": 0,
    "patrols_late": 0,
    "patrols_partial": 0,
    "patrols_partial_late": 0,
    "patrols_missed": 0,
    "missed_posts": 0,
}


def test_zero_report_is_written_with_its_outbox_op(tree: Clock) -> None:
    tree.set(china(2026, 6, 10, 16, 40))
    report = reports.file_zero_report("A11", remarks=" 无异常 ")
    row = DailyReport.get_by_id(report.id)
    assert row.zero_report and row.date == dt.date(2026, 6, 10) and row.remarks == "无异常"
    assert row.counts == {
        "inspections": 0,
        "hazards_found": 0,
        "major_hazards_found": 0,
        "hazards_closed": 0,
        "incidents": 0,
        "incidents_by_category": {},
        **NOTHING_ELSE,
    }
    op = Outbox.get(Outbox.type == "daily_report.submit")
    payload = json.loads(op.payload)
    assert payload == {
        "id": report.id,
        "grid_code": "A11",
        "date": "2026-06-10",
        "reporter": INSPECTOR_A11,
        "counts": row.counts,
        "zero_report": True,
        "remarks": "无异常",
        "submitted_at": "2026-06-10T08:40:00.000Z",
    }
    assert reports.report_for("A11", dt.date(2026, 6, 10)).id == report.id  # type: ignore[union-attr]


def test_incidents_count_by_category_and_refuse_the_zero_report(tree: Clock) -> None:
    from fieldapp.services.incidents.reporting import IncidentReport, report_incident

    tree.set(china(2026, 2, 11, 6, 50))
    for category, at in (
        ("fireworks_sale", "2026-02-11 06:40"),
        ("fireworks_sale", "2026-02-11 06:45"),
        ("fire", "2026-02-11 06:48"),
        ("fire", "2026-02-10 23:50"),  # the day before
    ):
        report_incident(IncidentReport(category, at, "现场处置", address="村口"))
    with pytest.raises(reports.ZeroReportRefused) as refused:
        reports.file_zero_report("A11")
    assert "3" in refused.value.text()
    assert DailyReport.select().count() == 0
    counts = reports.file_report("A11").counts
    assert counts["incidents"] == 3
    assert counts["incidents_by_category"] == {"fire": 1, "fireworks_sale": 2}
    assert reports.report_counts("V1", dt.date(2026, 2, 11))["incidents"] == 3  # the village


def test_report_and_its_op_are_one_transaction(
    tree: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(op_type: str, payload: dict) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(outbox, "enqueue", broken)
    with pytest.raises(OSError):
        reports.file_zero_report("A11")
    assert DailyReport.select().count() == 0


def test_counts_come_from_the_store_and_refuse_a_false_zero_report(tree: Clock) -> None:
    shop = add_venue("S1", "small_shop", "A11")
    market = add_venue("M1", "market", "A11")
    inspect(tree, shop, china(2026, 6, 10, 9), fail=("COM-03", "SHP-02"))
    inspect(tree, market, china(2026, 6, 10, 11))
    inspect(tree, market, china(2026, 6, 9, 11))  # yesterday
    # A hazard from an earlier day closed today.
    old = Finding.select().where(Finding.item_code == "COM-03").get()
    close_event(old.id, "2026-06-10T09:00:00.000Z")
    tree.set(china(2026, 6, 10, 16, 50))
    expected = {
        "inspections": 2,
        "hazards_found": 2,
        "major_hazards_found": 1,
        "hazards_closed": 1,
        "incidents": 0,
        "incidents_by_category": {},
        **NOTHING_ELSE,
    }
    assert reports.report_counts("A11", dt.date(2026, 6, 10)) == expected
    assert reports.report_counts("V1", dt.date(2026, 6, 10)) == expected  # covers its areas
    assert reports.report_counts("A12", dt.date(2026, 6, 10))["inspections"] == 0
    with pytest.raises(reports.ZeroReportRefused):
        reports.file_zero_report("A11")
    for says_nothing in ("z", "😀"):  # remarks may be left empty; typed, they say something
        with pytest.raises(reports.RemarksRefused):
            reports.file_report("A11", remarks=says_nothing)
    assert not DailyReport.select().exists()
    filed = reports.file_report("A11", remarks="两处隐患已督促整改")
    assert filed.counts == expected and not filed.zero_report
    with pytest.raises(reports.NotMyGrid):
        reports.file_report("A12")


def test_reminder_from_an_hour_before_the_deadline_until_filed(tree: Clock) -> None:
    tree.set(china(2026, 6, 10, 15, 59))
    assert not reports.reminder_due("A11")
    tree.set(china(2026, 6, 10, 16, 0))
    assert reports.reminder_due("A11")  # area: 17:00
    assert not reports.reminder_due("V1")  # village: 18:00
    tree.set(china(2026, 6, 10, 17, 30))
    assert reports.reminder_due("A11")  # late and still not filed
    assert reports.reminder_due("V1")
    reports.file_zero_report("A11")
    assert not reports.reminder_due("A11")
    # The next morning the reminder is off again, until the next afternoon.
    assert not reports.reminder_due("A11", china(2026, 6, 11, 9))
    assert reports.reminder_due("A11", china(2026, 6, 11, 16, 1))


def test_deadlines_and_lead_are_settings(tree: Clock) -> None:
    reports.set_deadline("area", "16:00")
    reports.set_reminder_minutes(30)
    assert not reports.reminder_due("A12", china(2026, 6, 10, 15, 29))
    assert reports.reminder_due("A12", china(2026, 6, 10, 15, 30))
    reports.set_deadline("A12", "20:00")  # one grid of its own
    assert not reports.reminder_due("A12", china(2026, 6, 10, 19, 29))
    assert reports.deadline_at("A12", dt.date(2026, 6, 10)) == china(2026, 6, 10, 20, 0)
    assert reports.deadline_at("A11", dt.date(2026, 6, 10)) == china(2026, 6, 10, 16, 0)
    with pytest.raises(ValueError):
        reports.set_deadline("area", "five pm")


def test_missing_and_late_grids_for_a_supervisor(tree: Clock) -> None:
    tree.set(china(2026, 6, 10, 16, 50))
    reports.file_zero_report("A11")  # on time
    act_as(INSPECTOR_A12)
    tree.set(china(2026, 6, 10, 17, 10))
    reports.file_zero_report("A12")  # ten minutes late
    act_as(SUPERVISOR)
    now = china(2026, 6, 10, 17, 30)
    status = {s.code: s for s in report_status.report_status(dt.date(2026, 6, 10), now)}
    assert [s.code for s in report_status.report_status(dt.date(2026, 6, 10), now)] == [
        "T1",
        "V1",
        "A11",
        "A12",
        "V2",
        "A21",
    ]
    assert status["A11"].filed and not status["A11"].filed_late and status["A11"].zero_report
    assert status["A12"].filed and status["A12"].filed_late
    missing = report_status.missing_reports(dt.date(2026, 6, 10), now)
    assert [(s.code, s.late) for s in missing] == [
        ("T1", False),
        ("V1", False),
        ("V2", False),
        ("A21", True),
    ]
    after_six = report_status.missing_reports(dt.date(2026, 6, 10), china(2026, 6, 10, 18, 1))
    assert all(s.late for s in after_six)
    # Yesterday: nobody reported, everyone is late.
    assert len(report_status.missing_reports(dt.date(2026, 6, 9), now)) == 6
    # An inspector sees only the grids under their own.
    act_as(INSPECTOR_A12)
    assert [s.code for s in report_status.report_status(dt.date(2026, 6, 10), now)] == ["A12"]


def test_an_abnormal_follow_up_reading_refuses_the_zero_report(tree: Clock) -> None:
    from people_support import member_named, returnee_family

    from fieldapp.domain.personal import new_key
    from fieldapp.services.followups import plans, readings
    from fieldapp.services.people import registry
    from fieldapp.store import keyring

    keyring.save_key(new_key())
    tree.set(china(2026, 6, 9, 8, 10))
    registry.save_household(returnee_family("A11"))  # the returnees registered on the 9th
    plan_id = plans.create_plan(str(member_named("陈建国").id), start_on=dt.date(2026, 6, 10))
    tree.set(china(2026, 6, 10, 8, 10))
    readings.record_reading(plan_id, "2026-06-10T08:00", {"FUP-01": "38.0", "FUP-02": "no"})
    with pytest.raises(reports.ZeroReportRefused) as refused:
        reports.file_zero_report("A11")
    assert refused.value.text() == "今天该网格已记录随访异常 1 项，不能报零报告；请填报日报。"
    assert reports.file_report("A11").counts["abnormal_readings"] == 1
