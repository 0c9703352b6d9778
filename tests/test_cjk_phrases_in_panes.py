"""At 80x24 two panes broke their Chinese inside a word: the daily report's (F8) title
"鼎美村第一网格（T01-DM-1） 2026-12-07 日" / "报，截止18:00", and a hazard's detail in
review (F5) "…DM-0001 · 农贸市" / "场 · 鼎美村第二网格". Both now break where a phrase ends
(`fieldapp.tui.phrases`): after the closed aside and after a " · "."""

from __future__ import annotations

import re
from pathlib import Path

from pilot_support import open_screen, screen_lines, settle

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen
from fieldapp.tui.screens.review import ReviewScreen

SIZE = (80, 24)


async def test_the_daily_report_title_keeps_its_words_whole(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "f8", DailyReportScreen, rounds=2)
        await pilot.press("down")  # from 鼎美村 to its first grid, 鼎美村第一网格
        await settle(app, pilot)
        lines = screen_lines(app)
        assert any(line.rstrip().endswith("鼎美村第一网格（T01-DM-1）") for line in lines), lines
        assert any(re.search(r"▎ +\d{4}-\d\d-\d\d 日报，截止", line) for line in lines), lines


async def test_a_hazard_detail_keeps_its_words_whole(demo_supervisor: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f5", ReviewScreen, rounds=2)
        await pilot.press("6", *["down"] * 6)  # 长青农贸市场, a market
        await settle(app, pilot)
        assert screen.detail is not None
        assert screen.detail.venue_name.endswith("长青农贸市场(示例)")
        lines = screen_lines(app)
        assert any(line.startswith(" 农贸市场 · 鼎美村第二网格") for line in lines), lines
