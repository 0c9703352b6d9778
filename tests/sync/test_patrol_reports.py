"""Patrol figures reach the reports through one function: a key-day route nobody walked
shows as two windows missed and eight posts missed (空岗漏岗) in the village's daily
report (and on its screen) — which then refuses a zero report — and in the month's
assessment."""

from __future__ import annotations

import datetime as dt

import pytest
from patrol_support import FrozenClock, import_patrols

from fieldapp.services.daily_report import reports
from fieldapp.services.dashboard import monthly

KEY_DAY = dt.date(2026, 2, 4)


def test_missed_patrols_in_the_daily_and_monthly_reports(make_device, server_workdir, monkeypatch):
    import_patrols(server_workdir)
    clock = FrozenClock(monkeypatch, KEY_DAY.isoformat(), "12:00")
    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    noon = reports.report_counts("V1", KEY_DAY)
    assert (noon["patrols_done"], noon["patrols_missed"], noon["missed_posts"]) == (0, 1, 4)
    clock.set("21:00")  # both windows over, nobody came
    counts = reports.report_counts("V1", KEY_DAY)
    assert (counts["patrols_done"], counts["patrols_missed"], counts["missed_posts"]) == (0, 2, 8)
    assert reports.report_counts("V2", KEY_DAY)["patrols_missed"] == 0  # no route there
    from fieldapp.tui.views.work_lines import work_lines

    lines = work_lines(counts).splitlines()  # the daily report screen's card
    assert "部分完成 0 次" in lines and "未巡 2 次，空岗漏岗 8 处" in lines
    with pytest.raises(reports.ZeroReportRefused) as refused:
        reports.file_zero_report("V1")
    assert refused.value.recorded["missed_posts"] == 8
    v1 = next(r for r in monthly.monthly_report("V1", KEY_DAY).rows if r.code == "V1")
    assert v1.patrols_done == 0 and v1.patrols_missed >= 2
    assert v1.missed_posts == 4 * v1.patrols_missed and v1.rates["patrols"] == 0.0
