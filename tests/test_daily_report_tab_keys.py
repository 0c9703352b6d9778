"""F8's two tabs switch with the keys 1 and 2 from the list, as F5's queues do with their
number keys: Right did nothing while the grid list had focus, and nothing said how to
reach 各网格上报情况. Each tab says its key and the footer the two, at 80x24 in both
languages; typed into the remarks, 1 and 2 stay text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import footer_keys_seen, open_screen, screen_lines, settle
from textual.widgets import DataTable, Input, OptionList, TabbedContent

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen

TABS = {"zh": ("1·填报日报", "2·各网格上报情况", "12 切换页"),
        "en": ("1·File the report", "2·Reports by grid", "12 Tabs")}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_1_and_2_switch_the_tabs_from_the_list(demo_supervisor: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        tabs = screen.query_one(TabbedContent)
        lines = screen_lines(app)
        file_tab, status_tab, footer = TABS[lang]
        assert file_tab in lines[1] and status_tab in lines[1], lines[1]
        assert footer in lines[-1] and "tab(1)" in footer_keys_seen(screen), lines[-1]
        assert screen.query_one("#report-grids", OptionList).has_focus

        await pilot.press("2")
        await settle(app, pilot)
        assert tabs.active == "tab-status"
        assert screen.query_one("#report-status", DataTable).has_focus  # ↑↓ move in it
        assert footer in screen_lines(app)[-1]

        await pilot.press("1")
        await settle(app, pilot)
        assert tabs.active == "tab-file"
        assert screen.query_one("#report-grids", OptionList).has_focus

        remarks = screen.query_one("#report-remarks", Input)
        remarks.focus()
        await pilot.press("1", "2")
        await settle(app, pilot)
        assert remarks.value == "12" and tabs.active == "tab-file"


async def test_an_inspector_has_one_tab_and_no_tab_keys(demo_home: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        assert "tab(1)" not in footer_keys_seen(screen)
        await pilot.press("2")
        await settle(app, pilot)
        assert screen.query_one(TabbedContent).active == "tab-file"
