"""A zero report (F8, z) is filed only once its grid and date are confirmed, and the grid
list stops at its ends: F8 → Home → ↑↑↑ → z filed "贞岱村（T01-ZD） … zero report filed"
for the last grid in the list, a village never meant, with no question asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, screen_text, settle
from textual.widgets import OptionList

from fieldapp.domain.clock import today
from fieldapp.store.models import DailyReport
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_home_then_up_stays_and_z_asks_naming_grid_and_date(
    demo_supervisor: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        grids = screen.query_one("#report-grids", OptionList)
        assert grids.option_count > 3
        first = screen.lines[0]
        last = screen.lines[-1]
        await pilot.press("home", "up", "up", "up")
        await settle(app, pilot)
        assert grids.highlighted == 0  # not wrapped round to the last grid
        assert screen.grid == first.code != last.code

        await pilot.press("z")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        assert first.name in text and first.code in text, text
        aside = {"en": f"{first.name} ({first.code})", "zh": f"{first.name}（{first.code}）"}
        assert aside[lang] in text, text  # English is punctuated in ASCII
        assert today().isoformat() in text, text
        assert DailyReport.select().count() == 0  # nothing filed by the key alone

        await pilot.press("escape")  # cancels
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
        assert DailyReport.select().count() == 0

        await pilot.press("z", "y")
        await settle(app, pilot, rounds=2)
        filed = DailyReport.get()
        assert filed.grid_code == first.code and filed.zero_report
        assert not DailyReport.select().where(DailyReport.grid == last.code).exists()
