"""The dashboard's completion tab (F6, then the fourth tab) at the sizes users have. At
80 columns in English its chart beside the table was one letter wide ("B/y/v/i…"), long
grid names were cut to their start so two grids read the same (老渡口农贸市场第: a grid
now leads with its code and drops the name of the one it is under, LDK-1 第…), today's
report read "Not fi" and the tab bar lost its end ("Completion and repor"). At 120
columns in Chinese the last header but one read "漏巡/漏"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import at_home, settle
from textual.widgets import TabbedContent, Tabs

from fieldapp.i18n import t
from fieldapp.tui.app import FieldApp, make_app


def lines(app: FieldApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def completion_tab(app: FieldApp, pilot) -> list[str]:  # type: ignore[no-untyped-def]
    await at_home(app, pilot)
    await pilot.press("f6")
    await settle(app, pilot, rounds=2)
    for _ in range(3):
        await pilot.press("right")
    await settle(app, pilot)
    assert app.screen.query_one(TabbedContent).active == "tab-grids"
    return lines(app)


async def test_the_completion_tab_reads_whole_at_80_columns(demo_supervisor: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        seen = await completion_tab(app, pilot)
        screen = app.screen
        tabs = screen.query_one(Tabs).region
        bar = seen[tabs.y]
        data = screen.data
        assert data is not None
        table = screen.query_one("#grids-table").region
        rows = seen[table.y + 1 : table.bottom]
        plot = screen.query_one("#grids-plot-title")
    text = "\n".join(seen)
    for tab in ("inspections", "hazards", "overdue", "grids", "assessment"):
        assert t(f"dashboard.tab.{tab}") in bar, bar
    # The table starts at the screen's left edge: no chart column of single letters.
    assert not plot.display and table.x == 0, text
    # Every grid shown is told apart by its code, whole, before its name (which gives way
    # to the columns after today's: "DM-1 第…"), and today's report is whole.
    in_sight = data.grids[: len(rows) - 1]  # above the scrollbar's line
    for grid, row in zip(in_sight, rows, strict=False):
        code = grid.code.partition("-")[2] or grid.code
        assert row.split()[0] == code, f"{grid.name}:\n{text}"
    words = {t(f"report.status.{g.today}") for g in data.grids}
    for row in rows[: len(in_sight)]:
        assert any(re.search(rf"{re.escape(word)}(\s|$)", row) for word in words), row


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_every_completion_header_is_whole_in_chinese(
    demo_supervisor: Path, size: tuple[int, int]
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=size) as pilot:
        seen = await completion_tab(app, pilot)
        header = seen[app.screen.query_one("#grids-table").region.y]
    if size[0] >= 100:
        assert re.search(re.escape(t("dashboard.col.patrols_missed_due")) + r"\s", header)
    assert re.search(re.escape(t("dashboard.col.today")) + r"(\s|$)", header)
