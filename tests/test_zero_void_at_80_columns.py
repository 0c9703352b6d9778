"""A zero report that a later incident contradicts reads "Zero, void" in English: at 80
columns the longer "Zero, contradicted" left F8's grid list "[Zero, contradicted] …网格"
(the name cut to nothing) and F6's completion column "Zero, contr"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import open_screen, screen_text, settle
from textual.widgets import TabbedContent

from fieldapp.domain import clock
from fieldapp.domain.clock import wall_clock
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.demo.workspace import act_as
from fieldapp.services.incidents import reporting
from fieldapp.store.models import Grid
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen
from fieldapp.tui.screens.dashboard import DashboardScreen

DAY = dt.date(2026, 6, 1)

pytestmark = pytest.mark.reminders


def local(hour: int, minute: int) -> dt.datetime:
    return wall_clock(dt.datetime.combine(DAY, dt.time(hour, minute)))


async def test_the_contradicted_zero_report_reads_whole_with_its_grid_at_80_columns(
    monkeypatch: pytest.MonkeyPatch, demo_home: Path
) -> None:
    cell = [local(10, 0)]
    monkeypatch.setattr(clock, "_now", lambda: cell[0].astimezone(dt.UTC))
    daily_reports.file_zero_report("T01-DM")
    cell[0] = local(11, 30)
    reporting.report_incident(
        reporting.IncidentReport(
            "fireworks_sale", f"{DAY} 11:00", "路口摆摊销售烟花爆竹", address="村口",
            grid_code="T01-DM",
        )
    )  # fmt: skip
    act_as("supervisor")
    name = Grid.get_by_id("T01-DM").name
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f8", DailyReportScreen)
        f8 = screen_text(app)
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        screen.query_one(TabbedContent).active = "tab-grids"
        await settle(app, pilot, rounds=2)
        f6 = screen_text(app)
    line = next(line for line in f8.splitlines() if "[Zero, void]" in line)
    assert name[-3:] in line, f8
    # F6 names a grid by its code less the town's (7ad77f0): T01-DM is the row "DM 鼎美村".
    row = next(line for line in f6.splitlines() if line.split()[:1] == ["DM"])
    assert "Zero, void" in row, f6
