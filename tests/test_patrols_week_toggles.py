"""Patrols (ctrl+g) at 80x24: `w` showed the seven days up to the day shown, and pressed
again did nothing, with "w 到此日的7天" still in the footer. It goes back to that one
day, and its footer label says what it will do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from patrol_screen_support import seed_patrol_store
from pilot_support import footer_keys_seen, open_screen, settle
from textual.widgets import Label

from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrols import PatrolsScreen


async def test_w_shows_seven_days_and_again_one(home: Path) -> None:
    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        title = screen.query_one("#patrols-attendance-title", Label)
        day = today()
        assert "week" in footer_keys_seen(screen) and "one_day" not in footer_keys_seen(screen)
        await pilot.press("w")
        await settle(app, pilot, rounds=2)
        week = t("patrol.attendance.period", first=day - dt.timedelta(days=6), last=day)
        assert week in str(title.render())
        keys = footer_keys_seen(screen)
        assert "one_day" in keys and "week" not in keys, keys
        await pilot.press("w")
        await settle(app, pilot, rounds=2)
        assert week not in str(title.render()) and day.isoformat() in str(title.render())
        assert "week" in footer_keys_seen(screen)
