"""Zero reports (零报告) counted once, the same way, by the daily report screen (F8) and the
dashboard (F6); a zero report that a later incident contradicts is kept but said so, on
both screens and to the person who filed it. Against the real app on the demo workspace,
fieldapp's clock at local times of 1 June 2026 (the month so far is that one day, so the
dashboard's month figures are today's)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.widgets import DataTable, Input, Label, Select, TabbedContent

from fieldapp.domain import clock
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.demo.workspace import act_as
from fieldapp.services.incidents import reporting
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import DailyReport
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen
from fieldapp.tui.screens.dashboard import DashboardScreen

DAY = dt.date(2026, 6, 1)
SMALL = (80, 24)

pytestmark = [pytest.mark.usefixtures("chinese"), pytest.mark.reminders]


@pytest.fixture
def local_clock(monkeypatch: pytest.MonkeyPatch) -> list[dt.datetime]:
    """10:00 where the device is (the office's zone once the demo set it)."""
    cell = [dt.datetime.combine(DAY, dt.time(10, 0))]
    monkeypatch.setattr(clock, "_now", lambda: clock.wall_clock(cell[0]).astimezone(dt.UTC))
    return cell


def local(hour: int, minute: int) -> dt.datetime:
    return clock.wall_clock(dt.datetime.combine(DAY, dt.time(hour, minute)))


def incident_in(grid: str) -> None:
    reporting.report_incident(
        reporting.IncidentReport(
            "fireworks_sale", f"{DAY} 11:00", "路口摆摊销售烟花爆竹", address="村口",
            grid_code=grid,
        )
    )  # fmt: skip


async def dashboard_rows(app: FieldApp, pilot) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """F6's grid table: code -> (zero-report column, today column)."""
    screen = await open_screen(app, pilot, "f6", DashboardScreen)
    screen.query_one(TabbedContent).active = "tab-grids"
    await settle(app, pilot, rounds=2)
    table = screen.query_one("#grids-table", DataTable)
    zero, today = table.get_column_index("zero"), table.get_column_index("today")
    return {
        str(key.value): (str(table.get_row(key)[zero]), str(table.get_row(key)[today]))
        for key in table.rows
    }


async def report_status(app: FieldApp, pilot) -> tuple[dict[str, str], str]:  # type: ignore[no-untyped-def]
    """F8's status tab, reached from F6: code -> state cell, and the tab's title."""
    await pilot.press("f8")
    await settle(app, pilot, rounds=2)
    screen = app.screen
    assert isinstance(screen, DailyReportScreen)
    screen.query_one(TabbedContent).active = "tab-status"
    await settle(app, pilot, rounds=2)
    table = screen.query_one("#report-status", DataTable)
    cells = {str(row[1]): str(row[3]) for row in map(table.get_row_at, range(table.row_count))}
    return cells, str(screen.query_one("#report-status-title", Label).render())


async def test_f6_and_f8_count_the_same_zero_reports(
    local_clock: list[dt.datetime], demo_home: Path
) -> None:
    """They disagreed: F6 counted a day as a zero day when any report that day was zero
    (a zero report corrected by a full one an hour later still counted), and F8 counted a
    zero report filed after the deadline only as "filed late", not as a zero report."""
    daily_reports.file_zero_report("T01-DM")
    local_clock[0] = local(11, 0)
    daily_reports.file_report("T01-DM", remarks="补报：上午有一处隐患待复查")  # stands
    local_clock[0] = local(18, 30)
    daily_reports.file_zero_report("T01-LDK")  # after its deadline: late, and zero
    act_as("supervisor")
    local_clock[0] = local(18, 40)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        f6 = await dashboard_rows(app, pilot)
        f8, title = await report_status(app, pilot)
    zero_in_f8 = int(re.search(r"零报告 (\d+)", title).group(1))  # type: ignore[union-attr]
    zero_in_f6 = sum(int(zero) for zero, _ in f6.values())
    assert zero_in_f6 == zero_in_f8 == 1, (f6, title)
    assert f6["T01-DM"][0] == "0" and f8["T01-DM"] == "已报"
    assert f6["T01-LDK"][0] == "1" and f8["T01-LDK"] == f6["T01-LDK"][1] == "迟报"
    assert "迟报 1" in title


async def test_a_zero_report_contradicted_by_a_later_incident_is_kept_and_flagged(
    local_clock: list[dt.datetime], demo_home: Path
) -> None:
    daily_reports.file_zero_report("T01-DM")
    local_clock[0] = local(11, 30)
    incident_in("T01-DM")
    act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        f6 = await dashboard_rows(app, pilot)
        f8, title = await report_status(app, pilot)
    assert DailyReport.get(DailyReport.grid == "T01-DM").zero_report  # kept as filed
    # Still reported, on time and as a zero report; flagged wherever zero reports are.
    assert f6["T01-DM"] == ("1（1!）", "零报不成立"), f6["T01-DM"]
    assert f8["T01-DM"] == "零报不成立"
    # Counted apart from the zero reports that hold, as its row says it (零报不成立).
    assert "已报 1（零报告 0，零报不成立 1，迟报 0）" in title, title


async def test_the_filer_is_told_at_once_after_reporting_an_incident_here(
    local_clock: list[dt.datetime], demo_home: Path, tmp_path: Path
) -> None:
    """The inspector's zero report of the morning, then an incident they report on the
    same device: told that the zero report no longer holds, once, and what to do; the
    daily report screen says it under the grid at 80 columns."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await pilot.press("z", "y")  # the first grid's zero report, confirmed
        await settle(app, pilot, rounds=2)
        filed = DailyReport.get()
        assert filed.zero_report
        local_clock[0] = local(11, 30)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, IncidentDialog)
        dialog.query_one("#incident-category", Select).value = "fireworks_sale"
        dialog.query_one("#incident-address", Input).value = "鼎美村村口"
        dialog.query_one("#incident-grid", Select).value = filed.grid_code  # no venue: asked
        dialog.query_one("#incident-description", Input).value = "路口摆摊销售烟花爆竹"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert Incident.get().grid_code == filed.grid_code
        told = [n for n in app._notifications if n.title == "零报告已不成立"]
        assert len(told) == 1, [n.message for n in app._notifications]
        assert "零报告后又上报事件 1 起" in told[0].message
        assert "F8" in told[0].message and DAY.isoformat() in told[0].message
        app.check_reports_now()  # the next check says nothing new
        await settle(app, pilot, rounds=2)
        assert len([n for n in app._notifications if n.title == "零报告已不成立"]) == 1
        screen = await open_screen(app, pilot, "f8", DailyReportScreen, rounds=2)
        state = screen.query_one("#report-state", Label)
        said = str(state.render())
        assert "零报告后又上报事件 1 起" in said and "F10" in said, said
        assert state.size.height >= said.count("\n") + 1  # every line whole, not cut
        # A proper daily report stands now: nothing contradicted any more.
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert "不成立" not in str(screen.query_one("#report-state", Label).render())
