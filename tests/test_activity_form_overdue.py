"""ctrl+y, the form of an overdue activity: its reason-for-lateness field read "only if
late" while it was late, and its refusals came one at a time out of the form's order (the
number attending before the missing reason above it, before the place left empty), the
cursor starting in the place below it. Late, the label says the reason is required and
the cursor starts there; a save says every problem at once, in the form's order (one at
a time, an empty form took four saves to learn it lacked 地点, 人数 and 照片 too), with the
cursor in the first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.widgets import DataTable, Input, Label, Static

from fieldapp.domain import clock
from fieldapp.i18n import sentences, t
from fieldapp.store.activity_models import Activity
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.activity import ActivityDialog
from fieldapp.tui.screens.activities import ActivitiesScreen

DAY = dt.date(2026, 12, 7)  # a Monday: 11·9 (nothing held this year) is overdue


@pytest.fixture
def monday(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = dt.datetime.combine(DAY, dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))


def said(dialog: ActivityDialog) -> str:
    return str(dialog.query_one("#activity-error", Static).render())


def label(dialog: ActivityDialog) -> str:
    return str(dialog.query_one("#activity-late_reason-label", Label).render())


async def save(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f10")
    await settle(app, pilot)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_late_it_says_the_reason_is_required_and_problems_come_in_order(
    monday: None, demo_home: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        due = screen.query_one("#activities-due", DataTable)
        statuses = [str(due.get_row_at(n)[0]) for n in range(due.row_count)]
        due.move_cursor(row=statuses.index(t("activity.status.overdue_days", count=22)))
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        assert label(dialog) == t("activity.field.late_reason.overdue")
        # The cursor starts on the reason, required and above 地点 where it started.
        assert dialog.focused is dialog.query_one("#activity-late_reason", Input)
        dialog.query_one("#activity-attendees", Input).value = "abc"  # and no place
        await save(app, pilot)
        assert dialog.focused is dialog.query_one("#activity-late_reason", Input)
        # Every problem at once, in the form's order (one a save took four saves).
        rest = [t("activity.refused.missing.place"), t("activity.refused.attendees", value="abc"),
                t("activity.refused.missing.photos")]  # fmt: skip
        assert said(dialog).startswith(DAY.isoformat())  # "2026-12-07 is after …"
        assert said(dialog).endswith(sentences(rest)), said(dialog)
        dialog.query_one("#activity-late_reason", Input).value = "全村抗旱，改期"
        await save(app, pilot)
        assert said(dialog) == sentences(rest)
        assert dialog.focused is dialog.query_one("#activity-place", Input)
        dialog.query_one("#activity-place", Input).value = "村委会广场"
        await save(app, pilot)
        assert said(dialog) == sentences(rest[1:])
        assert dialog.focused is dialog.query_one("#activity-attendees", Input)
        assert Activity.select().count() == 0
        window = dialog.ask.due_by
        dialog.query_one("#activity-held_on", Input).value = window  # its last on-time day
        await pilot.pause()
        assert label(dialog) == t("activity.field.late_reason")  # not late that day


def test_the_first_field_left_empty_is_the_forms_first_not_the_types() -> None:
    """An office type naming its required fields out of the form's order ("photos",
    "place") had the photos asked for before the place above them."""
    from fieldapp.domain.activities import activity_type_from, form_problem

    kind = activity_type_from({"code": "check", "zh": "检查", "en": "Check",
                               "cadence": {"every": "month"}, "required": ["photos", "place"]})  # fmt: skip
    assert form_problem(kind, {"place": "", "attendees": 0, "photos": []}) == "place"
    assert form_problem(kind, {"place": "村委会", "attendees": 0, "photos": []}) == "photos"
