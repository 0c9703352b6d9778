"""70 s after a window closed, ctrl+g's list said 时段已过 2 分钟 for the run still open
while the run's own header said 时段已过 1 分钟: the list turned the floored minutes
left (-2) into minutes over, the header took one off for the minute just begun. Both
now say it through one rule (`window_clock`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import ROUTE_ID, placard, seed_patrol_store
from patrol_support import FrozenClock
from pilot_support import open_screen, screen_text, settle

from fieldapp.store.patrol_models import PatrolRoute
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.screens.patrols import PatrolsScreen

SAID = {"zh": ("时段已过 1 分钟", "时段已过 2 分钟"), "en": ("window closed 1", "window closed 2")}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_list_and_the_run_say_the_same_minutes_over(
    home: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_patrol_store()
    schedule = {"days": ["daily"], "windows": ["08:00-12:00"]}
    PatrolRoute.update(schedule=schedule).where(PatrolRoute.id == ROUTE_ID).execute()
    clock = FrozenClock(monkeypatch, "2026-02-04", "11:50")
    said, not_said = SAID[lang]
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-01"), "wedge")  # starts the run at 11:50
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        clock.set("12:01:10")  # the window closed 70 s ago, the run still open
        await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        listed = screen_text(app)
        assert said in listed and not_said not in listed, listed
        await pilot.press("enter")  # the run, resumed
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        header = screen_text(app)
        assert said in header and not_said not in header, header
