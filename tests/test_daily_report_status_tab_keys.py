"""The supervisor's "Reports by grid" tab (F8, BTab, →): z on a highlighted 商业城 answered
about 示例镇, the grid chosen on the other tab ("Hazards found in this grid today: 2. A zero
report is not possible"). There z and F10 are not offered and do nothing; Enter takes the
highlighted grid to the filing tab, where z asks about that grid."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import footer_keys_seen, open_screen, screen_text, settle
from textual.widgets import DataTable, TabbedContent

from fieldapp.store.models import DailyReport
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_z_and_f10_are_not_offered_on_the_status_tab_and_enter_chooses_the_row(
    demo_supervisor: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        chosen = screen.grid
        assert "zero_report" in footer_keys_seen(screen)
        await pilot.press("shift+tab", "right")  # the tabs, then "Reports by grid"
        await settle(app, pilot)
        assert screen.query_one(TabbedContent).active == "tab-status"
        table = screen.query_one("#report-status", DataTable)
        table.focus()
        await pilot.press("down", "down")
        await settle(app, pilot)
        row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert row is not None and row != chosen
        name = next(line.name for line in screen.lines if line.code == row)

        keys = footer_keys_seen(screen)
        assert "zero_report" not in keys and "file_report" not in keys, keys
        assert "file_for_row" in keys, keys
        said_before = len(app._notifications)
        await pilot.press("z", "f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen  # no question about another grid
        assert len(app._notifications) == said_before  # and no answer about one
        assert DailyReport.select().count() == 0

        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert screen.query_one(TabbedContent).active == "tab-file"
        assert screen.grid == row
        assert "zero_report" in footer_keys_seen(screen)
        await pilot.press("z")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert name in screen_text(app) and row in screen_text(app)
