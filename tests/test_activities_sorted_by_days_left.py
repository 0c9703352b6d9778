"""Activities (ctrl+y) listed 待开展 剩 24 天 above 待开展 剩 6 天: the open ones were
ordered by the day each became due, not by the days left to hold it on time. They are
now listed by the days left, the fewest first (the last day, 今天截止, before them)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pilot_support import open_screen
from textual.widgets import DataTable

from fieldapp.domain import clock
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.activities import ActivitiesScreen


async def test_open_activities_come_by_the_days_left(
    monkeypatch: pytest.MonkeyPatch, demo_home: Path
) -> None:
    moment = dt.datetime.combine(dt.date(2026, 12, 7), dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        due = screen.query_one("#activities-due", DataTable)
        statuses = [str(due.get_row_at(n)[0]) for n in range(due.row_count)]
    left = [int(m.group(1)) for s in statuses if (m := re.fullmatch(r"待开展 剩 (\d+) 天", s))]
    assert len(set(left)) >= 2, statuses  # open ones with different days left
    assert left == sorted(left), statuses


def test_a_date_not_come_yet_is_refused_in_a_whole_sentence(
    monkeypatch: pytest.MonkeyPatch, demo_home: Path
) -> None:
    """日期 2026-12-25 还没到；请填写活动举办的日期 had no 。 at its end, said alone."""
    from fieldapp.services.activities.records import ActivityRefused, _held_on

    moment = dt.datetime.combine(dt.date(2026, 12, 7), dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))
    with pytest.raises(ActivityRefused) as refused:
        _held_on("2026-12-25")
    assert str(refused.value) == "日期 2026-12-25 还没到；请填写活动举办的日期。"
