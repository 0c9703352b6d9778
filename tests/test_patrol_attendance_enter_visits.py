"""Patrols (ctrl+g) at 80x24 with the attendance list focused: Enter on a window someone
walked still meant 开始巡逻 (and said why none could start). There Enter opens the
window's visits, as v does, and the footer says so; on a window nobody walked it still
says when the patrol can start (`test_patrol_attendance_enter`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import cursor_on_window
from pilot_support import footer_keys_seen, open_screen, settle
from test_patrol_visits_screen import _walked, offered
from test_refused_activities_and_runs import _table_rows

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_visits import PatrolVisitsScreen
from fieldapp.tui.screens.patrols import PatrolsScreen


async def test_enter_on_a_walked_window_opens_its_visits(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import DataTable

    _walked(monkeypatch, tmp_path)  # 06:30-09:00 walked; 18:00-20:00 not yet
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        patrols = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        assert "start" in footer_keys_seen(patrols)  # the due list: Enter starts
        await pilot.press("tab")
        await settle(app, pilot)
        await cursor_on_window(app, pilot, patrols, "18:00-20:00")
        assert "start" in offered(patrols) and "row_visits" not in offered(patrols)
        await cursor_on_window(app, pilot, patrols, "06:30-09:00")
        keys = footer_keys_seen(patrols)
        assert "row_visits" in keys and "start" not in keys, keys
        await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolVisitsScreen)
        assert len(_table_rows(app.screen.query_one("#visits-table", DataTable))) == 2
