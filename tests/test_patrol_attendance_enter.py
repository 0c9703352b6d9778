"""Enter on a row of the patrols' attendance list (ctrl+g), with ⏎ 开始巡逻 in the footer:
on `06:30-09:00 未开始 0/4` before the window opened it did nothing and said nothing. It
says when the patrol can start (half an hour before the window) and where; on a window
that is over it says it ended and cannot start; inside the start time it starts the run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from patrol_screen_support import ROUTE_ID, seed_patrol_store
from pilot_support import open_screen, settle
from textual.widgets import DataTable

from fieldapp.domain import clock
from fieldapp.i18n import set_language
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.screens.patrols import PatrolsScreen

SAID = {
    "zh": {
        "06:00": ("06:30-09:00", "还没到：06:00 起", "当前应巡逻"),
        "10:00": ("06:30-09:00", "已于 09:00 结束", "不能再开始"),
    },
    "en": {
        "06:00": (
            "06:30-09:00",
            "has not opened yet: its patrol can start from 06:00",
            "Patrols due now",
        ),  # fmt: skip
        "10:00": ("06:30-09:00", "ended at 09:00", "can no longer start"),
    },
}


def _at(monkeypatch: pytest.MonkeyPatch, hour: int, minute: int) -> None:
    local = dt.datetime.combine(dt.date.today(), dt.time(hour, minute)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: local.astimezone(dt.UTC))


async def _enter_on_morning_window(app, pilot) -> tuple[PatrolsScreen, str]:  # type: ignore[no-untyped-def]
    screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
    await settle(app, pilot, rounds=2)
    table = screen.query_one("#patrols-attendance", DataTable)
    table.focus()
    assert screen.data is not None
    row = next(i for i, r in enumerate(screen.data.rows) if r.window == "06:30-09:00")
    table.move_cursor(row=row)
    await settle(app, pilot)
    before = len(app._notifications)
    await pilot.press("enter")
    await settle(app, pilot, rounds=2)
    said = [n.message for n in app._notifications][before:]
    return screen, said[-1] if said else ""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("time", [(3, 0), (10, 0)])
async def test_enter_on_a_window_not_open_or_over_says_when_and_where(
    home: Path, monkeypatch: pytest.MonkeyPatch, lang: str, time: tuple[int, int]
) -> None:
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()
    PatrolRoute.update(
        schedule={"days": ["daily"], "windows": ["06:30-09:00", "18:00-20:00"]}
    ).where(PatrolRoute.id == ROUTE_ID).execute()
    _at(monkeypatch, *time)
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, said = await _enter_on_morning_window(app, pilot)
        assert app.screen is screen
        for words in SAID[lang]["06:00" if time == (3, 0) else "10:00"]:
            assert words in said, said
        assert said.endswith("。" if lang == "zh" else "."), said


async def test_enter_on_a_window_about_to_open_starts_its_patrol(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()
    PatrolRoute.update(schedule={"days": ["daily"], "windows": ["06:30-09:00"]}).where(
        PatrolRoute.id == ROUTE_ID
    ).execute()
    _at(monkeypatch, 6, 10)  # within the half hour before it
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on_morning_window(app, pilot)
        assert isinstance(app.screen, PatrolRunScreen)
