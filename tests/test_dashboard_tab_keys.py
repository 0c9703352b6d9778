"""F6's tabs switch with the keys 1–5 from the tables, as F8's do with 1 and 2: BTab then
Right did nothing, so 逾期趋势 and the tabs after it could not be reached from the
keyboard. Each tab says its key, the footer the group, and the tab shown takes the focus
to its table, at 80x24 in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import footer_keys_seen, open_screen, screen_lines, settle
from textual.widgets import DataTable, TabbedContent

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.dashboard import DashboardScreen

TABS = {"zh": ("1·每日检查量", "3·逾期趋势", "5·考核与专项", "12345 切换页"),
        "en": ("1·Inspections", "3·Overdue", "5·Assessment", "12345 Tabs")}  # fmt: skip
KEYS = {"3": "overdue", "5": "assessment", "4": "grids", "2": "hazards", "1": "inspections"}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_number_keys_show_each_tab(demo_supervisor: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f6", DashboardScreen)
        await settle(app, pilot)
        lines = screen_lines(app)
        *labels, footer = TABS[lang]
        assert all(label in lines[1] for label in labels), lines[1]
        assert footer in lines[-1] and "tab(2)" in footer_keys_seen(screen), lines[-1]
        tabs = screen.query_one("#dashboard-tabs", TabbedContent)
        for key, name in KEYS.items():
            await pilot.press(key)
            await settle(app, pilot)
            assert tabs.active == f"tab-{name}"
            table = screen.query_one(f"#{name}-table", DataTable)
            assert table.has_focus  # ↑↓ move in the table shown
            assert table.region.height, screen_lines(app)  # in sight
