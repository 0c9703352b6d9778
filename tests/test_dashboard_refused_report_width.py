"""F6's grids table at 80 columns keeps its grid names as wide when a grid's daily
report was refused by the server: "服务器拒收" / "Refused by server" in the today
column took their room ("第一网…" where "第一网格" was; in English the incidents
column was pushed past the edge). The status there reads 拒收 / Refused, as short as
the others in its column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_refused_records_ui import refuse_last_op
from textual.widgets import TabbedContent

from fieldapp.domain import clock
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.demo.workspace import act_as
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.dashboard import DashboardScreen
from fieldapp.tui.widgets.table import Table

DAY = dt.date(2026, 6, 1)
REFUSED = {"zh": "拒收", "en": "Refused"}
pytestmark = pytest.mark.reminders


async def _grids_table(lang: str) -> tuple[dict[str, int], list[list[str]], str]:
    """F6's grids table at 80x24: each column's width, its rows, the screen's text."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f6", DashboardScreen)
        screen.query_one(TabbedContent).active = "tab-grids"
        await settle(app, pilot, rounds=2)
        table = screen.query_one("#grids-table", Table)
        widths = {str(c.key.value): c.get_render_width(table) for c in table.ordered_columns}
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        return widths, rows, text


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_refused_report_leaves_the_grid_names_their_width(
    monkeypatch: pytest.MonkeyPatch, demo_home: Path, lang: str
) -> None:
    moment = dt.datetime.combine(DAY, dt.time(10, 0)).astimezone()  # before the deadline
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))
    act_as("supervisor")
    before, _, _ = await _grids_table(lang)
    act_as("inspector")
    daily_reports.file_zero_report("T01-DM")
    refuse_last_op()  # as the sync client records the server's refusal
    act_as("supervisor")
    after, rows, text = await _grids_table(lang)
    assert after["grid"] == before["grid"], (before, after)
    assert sum(after.values()) <= 80 - 1, after  # the incidents column still seen (scrollbar)
    assert [row[6] for row in rows].count(REFUSED[lang]) == 1, rows
    completion = "完成率" if lang == "zh" else "Rate"
    heading = next(line for line in text.splitlines() if completion in line)
    assert heading.rstrip().endswith("事件" if lang == "zh" else "Cases"), text
