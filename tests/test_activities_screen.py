"""Scheduled activities as a person meets them, against the real app on the demo
workspace with fieldapp's clock stopped on Monday 7 December 2026 (a publicity day):
the home bucket counts what is due, ctrl+y lists it, the form refuses what is missing and
records the rest, the activity leaves the due list and the daily report counts it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image
from pilot_support import SIZE, open_screen, settle
from textual.widgets import DataTable, Input, Static

from fieldapp.domain import clock
from fieldapp.store.activity_models import Activity
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.activity import ActivityDialog
from fieldapp.tui.screens.activities import ActivitiesScreen
from fieldapp.tui.screens.daily_report import DailyReportScreen

DAY = dt.date(2026, 12, 7)

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def monday(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = dt.datetime.combine(DAY, dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))


def text(widget: Static) -> str:
    return str(widget.render())


async def fire_safety_day_form(app, pilot) -> ActivityDialog:  # type: ignore[no-untyped-def]
    """From home, the form of the fire-safety day due (ctrl+y, its row, Enter)."""
    screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
    due = screen.query_one("#activities-due", DataTable)
    rows = [[str(c) for c in due.get_row_at(n)] for n in range(due.row_count)]
    due.move_cursor(row=next(n for n, r in enumerate(rows) if r[2] == "消防安全宣传日"))
    await pilot.press("enter")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, ActivityDialog)
    return dialog


async def test_an_activity_due_is_recorded_and_counted(
    monday: None, demo_home: Path, tmp_path: Path
) -> None:
    picture = tmp_path / "宣传.png"
    Image.new("RGB", (40, 30), "green").save(picture)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        home = app.screen_stack[-2]
        # The inspector holds two villages: each has its publicity day, its facility check
        # and the quarter's brigade drill due, and 11·9 overdue (nothing held this year).
        assert text(home.query_one("#bucket-activities", Static)) == "定期工作 8"
        due = screen.query_one("#activities-due", DataTable)
        rows = [[str(c) for c in due.get_row_at(n)] for n in range(due.row_count)]
        publicity = next(
            n for n, r in enumerate(rows) if r[2] == "消防安全宣传日" and r[3] == "鼎美村"
        )
        # Open now and on time for a week: 待开展, not 到期 (which reads as expired).
        assert rows[publicity][:2] == ["待开展 剩 6 天", "12-07–12-13"]
        # The quarter's drill is on time until the quarter ends: its days, not a past day.
        drill = next(r for r in rows if r[2] == "志愿消防队演练" and r[3] == "鼎美村")
        assert drill[:2] == ["待开展 剩 24 天", "10-01–12-31"]
        due.move_cursor(row=publicity)
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        await pilot.press(*"村委会广场", "tab", *"42")  # place, then attendees
        await pilot.press("f10")
        await settle(app, pilot)
        error = text(dialog.query_one("#activity-error", Static))
        assert "照片" in error and Activity.select().count() == 0
        dialog.query_one("#activity-photos", Input).value = str(picture)
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
        (row,) = Activity.select()
        assert (row.type_code, row.grid_code, row.attendees, row.place) == (
            "fire_publicity_day", "T01-DM", 42, "村委会广场")  # fmt: skip
        assert len(row.photos) == 1 and Outbox.get(Outbox.type == "activity.record")
        rows = [[str(c) for c in due.get_row_at(n)] for n in range(due.row_count)]
        assert ["消防安全宣传日", "鼎美村"] not in [r[2:] for r in rows]
        held = screen.query_one("#activities-held", DataTable)
        assert [str(c) for c in held.get_row_at(0)] == [
            "2026-12-07",
            "消防安全宣传日",
            "鼎美村",
            "42",
        ]

        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        assert text(app.screen.query_one("#bucket-activities", Static)) == "定期工作 7"
        report = await open_screen(app, pilot, "f8", DailyReportScreen)
        assert "定期活动：1 项" in text(report.query_one("#report-counts", Static))
        await pilot.press("z")
        await settle(app, pilot, rounds=2)
        assert any("定期活动" in n.message and "不能报零报告" in n.message
                   for n in app._notifications)  # fmt: skip


async def test_the_toast_of_an_activity_recorded_keeps_its_date_whole_at_80_columns(
    monday: None, demo_home: Path, tmp_path: Path
) -> None:
    """The toast is 36 cells wide at 80 columns: "已记录：消防安全宣传日（鼎美村，2026" then
    "-12-07）" read as two broken halves of a date."""
    from textual.widgets._toast import Toast

    picture = tmp_path / "宣传.png"
    Image.new("RGB", (40, 30), "green").save(picture)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        dialog = await fire_safety_day_form(app, pilot)
        dialog.query_one("#activity-place", Input).value = "村委会广场"
        dialog.query_one("#activity-attendees", Input).value = "42"
        dialog.query_one("#activity-photos", Input).value = str(picture)
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        toast = next(t for t in app.screen.query(Toast) if "已记录" in str(t.render()))
        region = toast.content_region
        lines = app.screen._compositor.render_strips()[region.y : region.bottom]
        said = [strip.crop(region.x, region.right).text.strip() for strip in lines]
        assert any("2026-12-07" in line for line in said), said


async def test_a_refusal_puts_the_cursor_in_the_field_it_names(
    monday: None, demo_home: Path
) -> None:
    """At 80×24 the field a refusal names may be scrolled out of sight: the cursor goes
    there, so the person types the mend where the message points."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await fire_safety_day_form(app, pilot)
        await pilot.press(*"村委会广场", "tab", *"42")  # place, then attendees; no photo
        await pilot.press("f10")
        await settle(app, pilot)
        assert "照片" in text(dialog.query_one("#activity-error", Static))
        assert dialog.focused is dialog.query_one("#activity-photos", Input)
        dialog.query_one("#activity-held_on", Input).value = "2026-13-01"
        await pilot.press("f10")
        await settle(app, pilot)
        assert "没有 13 月" in text(dialog.query_one("#activity-error", Static))
        assert dialog.focused is dialog.query_one("#activity-held_on", Input)
        assert Activity.select().count() == 0


async def test_no_one_attending_is_refused_as_too_few_not_as_left_empty(
    monday: None, demo_home: Path
) -> None:
    """参加人数 0 was filled in: the refusal says at least 1, not 请填写参加人数."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await fire_safety_day_form(app, pilot)
        await pilot.press(*"村委会广场", "tab", "0")
        await pilot.press("f10")
        await settle(app, pilot)
        said = text(dialog.query_one("#activity-error", Static))
        assert said.startswith("参加人数至少为 1；请填写实际参加的人数。"), said  # then 照片
        assert dialog.focused is dialog.query_one("#activity-attendees", Input)
        assert Activity.select().count() == 0


async def test_a_slip_of_the_keys_in_the_number_attending_is_refused_with_the_limit(
    monday: None, demo_home: Path
) -> None:
    """99999 people at a village's publicity day was stored as typed."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await fire_safety_day_form(app, pilot)
        await pilot.press(*"村委会广场", "tab", *"99999")
        await pilot.press("f10")
        await settle(app, pilot)
        said = text(dialog.query_one("#activity-error", Static))
        assert said.startswith("参加人数 99999 超过上限 2000 人；请核对后填写实际参加的人数。"), (
            said
        )
        assert dialog.focused is dialog.query_one("#activity-attendees", Input)
        assert Activity.select().count() == 0


async def test_a_day_before_the_duty_is_refused_with_the_cursor_on_the_date(
    monday: None, demo_home: Path, tmp_path: Path
) -> None:
    """The publicity day due 12-07 dated 12-05 (before its days) was taken and counted:
    it is refused, saying the days to give, with the cursor in the date field."""
    picture = tmp_path / "宣传.png"
    Image.new("RGB", (40, 30), "green").save(picture)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await fire_safety_day_form(app, pilot)
        await pilot.press(*"村委会广场", "tab", *"42")
        dialog.query_one("#activity-photos", Input).value = str(picture)
        dialog.query_one("#activity-held_on", Input).value = "2026-12-05"
        await pilot.press("f10")
        await settle(app, pilot)
        said = text(dialog.query_one("#activity-error", Static))
        assert "2026-12-05" in said and "2026-12-07" in said and "2026-12-13" in said, said
        assert dialog.focused is dialog.query_one("#activity-held_on", Input)
        assert Activity.select().count() == 0


async def test_the_due_title_counts_what_home_counts_and_says_those_coming_up_apart(
    monkeypatch: pytest.MonkeyPatch, demo_home: Path
) -> None:
    """Sunday 6 December: Home's tile counted 6 due where ctrl+y's title said 8 due, the
    2 coming up (next week's publicity days) counted in."""
    moment = dt.datetime.combine(dt.date(2026, 12, 6), dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        tile = text(app.screen_stack[-2].query_one("#bucket-activities", Static))
        due = screen.query_one("#activities-due", DataTable)
        statuses = [str(due.get_row_at(n)[0]) for n in range(due.row_count)]
        title = text(screen.query_one("#activities-due-title", Static))
    upcoming = statuses.count("即将开始")
    assert upcoming, statuses  # the case the title got wrong
    assert tile == f"定期工作 {len(statuses) - upcoming}"
    assert title == f"待办活动 {len(statuses) - upcoming} 项，另有 {upcoming} 项即将开始"
