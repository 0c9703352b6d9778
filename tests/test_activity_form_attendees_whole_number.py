"""参加人数 -3 was refused as "参加人数“-3”不是人数；请填数字": -3 is a number, so the
person was told to do what they had done. The refusal now says what a count of people
is: a whole number, 1 or more (1.5 and words likewise)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_activities_screen import monday  # noqa: F401  (the fixture)
from textual.widgets import DataTable, Input, Static

from fieldapp.store.activity_models import Activity
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.activity import ActivityDialog
from fieldapp.tui.screens.activities import ActivitiesScreen

SAID = {
    "zh": "参加人数“{value}”不是人数；请填 1 或以上的整数",
    "en": "'{value}' is not a number of people; type a whole number, 1 or more",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("typed", ["-3", "1.5"])
async def test_a_count_that_is_no_count_of_people_says_what_one_is(
    monday: None,  # noqa: F811
    demo_home: Path,
    lang: str,
    typed: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        due = screen.query_one("#activities-due", DataTable)
        codes = [line.ask.type_code for line in screen.data.due]
        due.move_cursor(row=codes.index("fire_publicity_day"))
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        await pilot.press(*"Square", "tab", *typed, "f10")
        await settle(app, pilot)
        said = str(dialog.query_one("#activity-error", Static).render())
        assert said.startswith(SAID[lang].format(value=typed)), said  # then what else lacks
        assert dialog.focused is dialog.query_one("#activity-attendees", Input)
        assert Activity.select().count() == 0
