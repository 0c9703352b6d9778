"""Activities (ctrl+y) at 80x24: an activity due now read 到期 (en "Due") while its window
(10-01–12-31) had 24 days left, and 到期 reads as expired. It reads as open, with the days
it stays on time (待开展 剩 24 天 / "Open, 24 days left"), and on its last on-time day says
so; the whole status is on the screen beside the window, the name and the grid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import open_screen
from textual.widgets import DataTable

from fieldapp.domain import clock
from fieldapp.i18n import set_language
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.activities import ActivitiesScreen

OPEN = {
    "zh": ("待开展 剩 24 天", "待开展 今天截止"),
    "en": ("Open, 24 days left", "Open, last day"),
}


def _stop_clock(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    moment = dt.datetime.combine(day, dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))


async def _due_rows_and_screen(lang: str) -> tuple[list[list[str]], str]:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        due = screen.query_one("#activities-due", DataTable)
        rows = [[str(c) for c in due.get_row_at(n)] for n in range(due.row_count)]
        shown = "\n".join(s.text for s in screen._compositor.render_strips())
    return rows, shown


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_an_activity_due_now_reads_open_with_its_days_left(
    monkeypatch: pytest.MonkeyPatch, demo_home: Path, lang: str
) -> None:
    days_left, last_day = OPEN[lang]
    set_language(lang)
    try:
        _stop_clock(monkeypatch, dt.date(2026, 12, 7))
        rows, shown = await _due_rows_and_screen(lang)
        assert [days_left, "10-01–12-31"] in [r[:2] for r in rows], rows  # the quarter's drill
        assert days_left in shown, shown  # the whole status fits at 80 columns
        assert not {"到期", "Due"} & {r[0] for r in rows}, rows
        _stop_clock(monkeypatch, dt.date(2026, 12, 31))
        rows, shown = await _due_rows_and_screen(lang)
        assert [last_day, "10-01–12-31"] in [r[:2] for r in rows], rows
        assert last_day in shown, shown
    finally:
        set_language("zh")
