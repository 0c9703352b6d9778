"""Patrols (ctrl+g) on a day with no patrol scheduled, at 80x24: the table's placeholder
row put "No patrol was scheduled in this period" in the narrow attendance column, which
showed "No patrol was sc"; it is said whole, in the title above the empty table."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import seed_store
from patrol_screen_support import enter_on_due_routes
from pilot_support import open_screen, settle
from rich.cells import cell_len
from textual.widgets import DataTable, Label

from fieldapp.i18n import set_language, t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrols import PatrolsScreen


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_no_patrol_scheduled_is_said_whole(home: Path, lang: str) -> None:
    seed_store()  # no routes: nothing scheduled
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        table = screen.query_one("#patrols-attendance", DataTable)
        title = screen.query_one("#patrols-attendance-title", Label)
        said = str(title.render())
        assert table.row_count == 0
        assert said.endswith(t("patrol.attendance.title_none", period="")[-8:]), said
        assert title.size.width * title.size.height >= cell_len(said), (title.size, said)


async def test_enter_with_nothing_scheduled_does_not_point_to_a_table_of_windows(
    home: Path,
) -> None:
    """Enter with no patrol due and none scheduled said '…the attendance below lists
    every window' over a table saying there are none: it says none is scheduled."""
    seed_store()  # no routes: nothing scheduled
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        _, said = await enter_on_due_routes(app, pilot)
        assert t("patrol.due.none_scheduled") in said, said
        assert not any("下面的出勤表" in message for message in said), said


async def test_an_empty_attendance_table_draws_no_stray_scrollbar(home: Path) -> None:
    """With no window to list, a lone ▎ showed under the attendance table's headings at
    80x24: its horizontal scrollbar (the columns were wider than the screen), with nothing
    under them to scroll to. The table is its headings alone, as wide as the screen."""
    seed_store()  # no routes: nothing scheduled
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        table = screen.query_one("#patrols-attendance", DataTable)
        assert table.row_count == 0
        assert table.virtual_size.width <= table.size.width  # no wider than the screen
        assert not table.show_horizontal_scrollbar
        assert table.outer_size.height == 1  # the headings, no scrollbar's line
        assert "▎" not in app.export_screenshot()
