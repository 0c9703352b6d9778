"""The zero report's question names the keys its footer shows (n and Esc answer no, side
by side under the no button's word), and a grid that filed today is told so, with when,
before a second report replaces the first."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, screen_text, settle

from fieldapp.domain.clock import wall_clock
from fieldapp.services.common.periods import parse_utc
from fieldapp.store.models import DailyReport
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen


@pytest.mark.parametrize(("lang", "esc"), [("zh", "Esc 取消"), ("en", "Esc to cancel")])
async def test_the_question_and_its_footer_name_the_same_keys(
    demo_supervisor: Path, lang: str, esc: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f8", DailyReportScreen)
        await pilot.press("z")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        footer = text.splitlines()[-1]
        assert esc in " ".join(text.replace("█", " ").split()), text  # wrapped in its box
        assert "n/esc" in footer, footer  # the key the question names


async def test_z_again_says_the_zero_report_is_already_filed_and_when(
    demo_supervisor: Path,
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await pilot.press("z")
        await settle(app, pilot)
        assert "已于" not in screen_text(app)  # nothing filed yet
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        filed = DailyReport.get()
        time = wall_clock(parse_utc(filed.submitted_at)).strftime("%H:%M")
        assert app.screen is screen
        await pilot.press("z")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert f"零报告已于 {time} 提交" in screen_text(app), screen_text(app)
