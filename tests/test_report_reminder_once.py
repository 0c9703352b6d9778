"""The daily report's reminder (日报提醒 … 请尽快补报（F8）) stood over every screen opened
in its half minute (F5, F6, F3, and F8 itself, over the report's table). It is shown once
on the screen shown then, goes when that screen is left, and is never shown on F8."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.domain import clock
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen

pytestmark = [pytest.mark.usefixtures("chinese"), pytest.mark.reminders]
DAY = dt.date(2026, 6, 10)


def at(hour: int, minute: int) -> dt.datetime:
    return clock.wall_clock(dt.datetime.combine(DAY, dt.time(hour, minute))).astimezone(dt.UTC)


def reminders(app: FieldApp) -> list[str]:
    return [n.message for n in app._notifications if "日报" in n.message]


async def test_the_reminder_stays_on_its_screen_and_off_f8(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moment = [at(16, 10)]
    monkeypatch.setattr(clock, "_now", lambda: moment[0])
    daily_reports.set_deadline("T01-DM", "17:00")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot, rounds=2)
        assert len(reminders(app)) == 1  # on home: 日报将于 17:00 截止
        home = app.screen
        await pilot.press("f3")  # the incidents
        await settle(app, pilot, rounds=2)
        assert app.screen is not home
        assert reminders(app) == []  # not over the next screen
        assert app.report_reminders is not None
        app.report_reminders.check()  # the next minute: not again
        await settle(app, pilot, rounds=2)
        assert reminders(app) == []

        await pilot.press("f8")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, DailyReportScreen)
        moment[0] = at(19, 0)  # late now, a new state, while the report is open
        app.report_reminders.check()
        await settle(app, pilot, rounds=2)
        assert reminders(app) == []  # not over the report's table
