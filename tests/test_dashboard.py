"""The dashboard's figures: inspections per day, hazards per week, the overdue trend, and
completion and reporting per grid, on the small grid tree of rounds_support."""

from __future__ import annotations

import datetime as dt

from rounds_support import (
    INSPECTOR_A12,
    SUPERVISOR,
    Clock,
    act_as,
    add_venue,
    china,
    close_event,
    inspect,
)

from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.dashboard import figures as dashboard
from fieldapp.services.review.bulk import bulk_apply
from fieldapp.store.models import Finding

D = dt.date


def test_inspections_per_day_by_local_date_and_scope(tree: Clock) -> None:
    shop = add_venue("S1", "small_shop", "A11")
    other = add_venue("S2", "small_shop", "A12")
    inspect(tree, shop, china(2026, 6, 8, 7, 30))  # 23:30 UTC on the 7th: local 8th
    inspect(tree, shop, china(2026, 6, 10, 9))
    inspect(tree, other, china(2026, 6, 10, 10), inspector=INSPECTOR_A12)
    act_as(SUPERVISOR)
    days = dashboard.inspections_per_day(D(2026, 6, 7), D(2026, 6, 10))
    assert [(d.day, d.count) for d in days] == [
        (D(2026, 6, 7), 0),
        (D(2026, 6, 8), 1),
        (D(2026, 6, 9), 0),
        (D(2026, 6, 10), 2),
    ]
    only_a11 = dashboard.inspections_per_day(D(2026, 6, 7), D(2026, 6, 10), grids=["A11"])
    assert [d.count for d in only_a11] == [0, 1, 0, 1]


def test_hazards_per_week_and_overdue_trend(tree: Clock) -> None:
    shop = add_venue("S1", "small_shop", "A11")
    # Monday 1 June: two hazards (one major), deadlines set below.
    inspect(tree, shop, china(2026, 6, 1, 9), fail=("COM-03", "SHP-02"))
    first, second = list(Finding.select().order_by(Finding.item_code))
    Finding.update(deadline=D(2026, 6, 3), current_deadline=D(2026, 6, 3)).execute()
    # The second is closed on Tuesday 9 June (the next week).
    close_event(second.id, "2026-06-09T02:00:00.000Z")
    Finding.update(state="closed").where(Finding.id == second.id).execute()
    tree.set(china(2026, 6, 10, 12))
    act_as(SUPERVISOR)
    weeks = dashboard.hazards_per_week(D(2026, 6, 10), weeks=3)
    assert [(w.week, w.opened, w.closed) for w in weeks] == [
        (D(2026, 5, 25), 0, 0),
        (D(2026, 6, 1), 2, 0),
        (D(2026, 6, 8), 0, 1),
    ]
    trend = dashboard.overdue_trend(D(2026, 6, 2), D(2026, 6, 10))
    # Deadline the 3rd: overdue from the 4th; the second closed on the 9th.
    assert [d.count for d in trend] == [0, 0, 2, 2, 2, 2, 2, 1, 1]
    assert first.state == "open"


def test_grid_summary_completion_and_reporting(tree: Clock) -> None:
    add_venue("S1", "small_shop", "A11")
    shop = add_venue("S2", "small_shop", "A11")
    inspect(tree, shop, china(2026, 6, 9, 9))
    tree.set(china(2026, 6, 9, 16, 30))
    daily_reports.file_report("A11")  # on time on the 9th
    tree.set(china(2026, 6, 10, 17, 20))
    daily_reports.file_zero_report("A11")  # 20 minutes late on the 10th
    act_as(SUPERVISOR)
    at = china(2026, 6, 10, 18, 30)
    rows = {
        s.code: s
        for s in dashboard.grid_summary(D(2026, 6, 9), D(2026, 6, 10), day=D(2026, 6, 10), at=at)
    }
    assert list(rows) == ["T1", "V1", "A11", "A12", "V2", "A21"]
    a11 = rows["A11"]
    assert (a11.venues, a11.due, a11.done) == (2, 2, 1) and a11.rate == 0.5
    assert (a11.days, a11.reported_days, a11.zero_days, a11.late_days) == (2, 2, 1, 1)
    assert a11.reporting_rate == 1.0 and a11.today == "filed_late"
    assert rows["T1"].venues == 2 and rows["T1"].done == 1
    assert rows["A12"].today == "late" and rows["A12"].reported_days == 0


def test_an_extension_moves_the_overdue_trend_from_its_day_on_only(tree: Clock) -> None:
    shop = add_venue("S1", "small_shop", "A11")
    inspect(tree, shop, china(2026, 6, 1, 9), fail=("COM-03", "SHP-02"))
    first, second = list(Finding.select().order_by(Finding.item_code))
    Finding.update(deadline=D(2026, 6, 3), current_deadline=D(2026, 6, 3)).execute()
    act_as(SUPERVISOR)
    tree.set(china(2026, 6, 7, 10))  # both overdue since the 4th
    assert bulk_apply([first.id], "deadline_extended", "业主申请", {"deadline": "2026-06-20"})[
        0
    ].applied
    tree.set(china(2026, 6, 8, 10))
    assert bulk_apply([second.id], "deadline_extended", "业主申请", {"deadline": "2026-06-09"})[
        0
    ].applied
    tree.set(china(2026, 6, 10, 12))
    trend = dashboard.overdue_trend(D(2026, 6, 2), D(2026, 6, 10))
    # The days before each extension keep the deadline of the 3rd: both overdue on the
    # 4th..6th, the second on the 7th too; from the 8th the second's deadline is the 9th,
    # so it is overdue again on the 10th.
    assert [d.count for d in trend] == [0, 0, 2, 2, 2, 1, 0, 0, 1]
    assert [d.count for d in dashboard.overdue_trend(D(2026, 6, 4), D(2026, 6, 4))] == [2]
