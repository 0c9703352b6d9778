"""放弃已填写的内容？ starts on keeping what was typed: Enter after Esc (a reflex) keeps the
form, in every place that asks it (a form's Esc, the daily report's Esc, going to another
section); it picked Discard, the destructive button, and threw the typing away."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import household_of_one, key_behind_pin
from pilot_support import open_screen, settle
from textual.widgets import Button, Input

from fieldapp.i18n import t
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen
from fieldapp.tui.screens.people import PeopleScreen


def asked_to_discard(app: FieldApp) -> ConfirmDialog:
    """The question is shown, its focus on the button that keeps the form."""
    question = app.screen
    assert isinstance(question, ConfirmDialog), type(question).__name__
    assert question.title_text == t("form.discard.title")
    focused = app.focused
    assert isinstance(focused, Button) and focused.id == "no", focused
    assert str(focused.label) == t("form.discard.no")
    return question


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_enter_keeps_the_person_form(demo_home: Path, lang: str) -> None:
    key_behind_pin()
    household_of_one("王秀英", sex="female")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("a")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, PersonDialog)
        form.query_one("#person-note", Input).value = "刚搬来"
        await pilot.pause()
        await pilot.press("escape")
        await settle(app, pilot)
        asked_to_discard(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is form
        assert form.query_one("#person-note", Input).value == "刚搬来"


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_enter_keeps_the_daily_report_remarks(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await pilot.press("tab", *"no news")
        await pilot.press("escape")  # Esc from the remarks
        await settle(app, pilot)
        asked_to_discard(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.query_one("#report-remarks", Input).value == "no news"

        await pilot.press("ctrl+y")  # another section from the remarks
        await settle(app, pilot)
        asked_to_discard(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.query_one("#report-remarks", Input).value == "no news"
