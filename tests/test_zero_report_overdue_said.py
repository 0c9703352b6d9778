"""The zero report's question (F8, z) says what a zero report states — nothing new found or
happened in the grid today — not that the grid "had no hazards", and shows the open
overdue hazards of the grid and those under it, which the zero report leaves as they are:
a grid head filing one for a grid with an overdue major hazard was told it had none."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle

from fieldapp.domain.clock import today
from fieldapp.services.common.identity import grid_codes_under
from fieldapp.store.models import Finding, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen

SAID = {
    "zh": ("今日无新发现隐患", "并不表示网格内没有隐患", "现有逾期未整改隐患 {n} 处"),
    "en": ("nothing new came up", "does not say the grid has no hazards", "have {n} overdue"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_zero_report_says_nothing_new_and_the_overdue_hazards(
    demo_supervisor: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await settle(app, pilot, rounds=3)
        code = screen.grid
        assert code is not None and screen.report is not None and screen.report.code == code
        under = Venue.select(Venue.id).where(Venue.grid.in_(grid_codes_under([code])))
        overdue = (
            Finding.select()
            .where(
                Finding.venue.in_(under)
                & (Finding.state == "open")
                & (Finding.current_deadline < today())
            )
            .count()
        )
        assert overdue > 0  # the demo's grid has an overdue hazard
        await pilot.press("z")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = app.screen.body_text
        nothing_new, not_none, count = SAID[lang]
        assert nothing_new in text and not_none in text, text
        assert count.format(n=overdue) in text, text
        assert "had no hazards" not in text and "今日无隐患" not in text
