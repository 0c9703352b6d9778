"""The activity form (ctrl+y, Enter) labels its count as one: it read "Attendees
(required)" above "Who attended", and a place typed in the first was refused as "not a
number of people". The labels are the catalogue's (activity types name only which fields
are required)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_activities_screen import monday  # noqa: F401  (the fixture)
from textual.widgets import DataTable

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.activity import ActivityDialog
from fieldapp.tui.screens.activities import ActivitiesScreen


@pytest.mark.parametrize(
    ("lang", "count", "names"),
    [
        ("en", "Number of attendees (required)", "Who attended"),
        ("zh", "参加人数（必填）", "参加人员"),
    ],
)
async def test_the_count_of_attendees_is_labelled_as_a_number(
    monday: None,  # noqa: F811
    demo_home: Path,
    lang: str,
    count: str,
    names: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        screen.query_one("#activities-due", DataTable).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        labels = [str(label.render()) for label in dialog.query("#activity-fields Label")]
        assert count in labels and names in labels
        assert labels.index(count) + 1 == labels.index(names)
