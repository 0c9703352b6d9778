"""ctrl+y said 已逾期 / Overdue without how many days, and a held activity filed after its
on-time days (迟报) read like one on time. At 80×24 in both languages the due list now says
逾期 22 天 / "22 days overdue" for 11·9 (on time until 11-15, today 12-07), and one held
on 11-16 reads 迟报 1 天 / "1 day late" (English's one-day form) beside its date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image
from pilot_support import open_screen, screen_text, settle
from textual.widgets import DataTable, Input

from fieldapp.domain import clock
from fieldapp.domain.activities import Cadence
from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.activity import ActivityDialog
from fieldapp.tui.screens.activities import ActivitiesScreen

DAY = dt.date(2026, 12, 7)


@pytest.fixture
def monday(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = dt.datetime.combine(DAY, dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))


def test_days_late_count_from_the_last_on_time_day() -> None:
    window = Cadence("year", month=11, day=9, within_days=6).window(DAY)
    assert window.due_by == dt.date(2026, 11, 15)
    assert [window.days_late(dt.date(2026, 11, d)) for d in (9, 15, 16)] == [0, 0, 1]
    assert window.days_late(DAY) == 22


@pytest.mark.parametrize(
    ("lang", "overdue", "late"),
    [
        ("zh", "逾期 22 天", "2026-11-16 迟报 1 天"),
        ("en", "22 days overdue", "2026-11-16 1 day late"),
    ],
)
async def test_how_late_is_said_in_both_lists_at_80x24(
    monday: None, demo_home: Path, tmp_path: Path, lang: str, overdue: str, late: str
) -> None:
    picture = tmp_path / "p.png"
    Image.new("RGB", (40, 30), "green").save(picture)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        due = screen.query_one("#activities-due", DataTable)
        statuses = [str(due.get_row_at(n)[0]) for n in range(due.row_count)]
        assert statuses.count(overdue) == 2  # 11·9 in each of the two villages
        assert t("activity.status.overdue") not in statuses
        assert overdue in screen_text(app)
        due.move_cursor(row=statuses.index(overdue))
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        for field, value in (("held_on", "2026-11-16"), ("late_reason", "抗旱改期"),
                             ("place", "村委会广场"), ("attendees", "12"),
                             ("photos", str(picture))):  # fmt: skip
            dialog.query_one(f"#activity-{field}", Input).value = value
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
        held = screen.query_one("#activities-held", DataTable)
        assert str(held.get_row_at(0)[0]) == late
        assert late in screen_text(app)  # the whole row fits 80 columns
        row = next(line for line in screen_text(app).splitlines() if late in line)
        assert row.rstrip().endswith("12"), row  # attendees still shown
