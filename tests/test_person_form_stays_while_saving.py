"""F11, n (a new household), a name typed and F10 with neither number nor address: the
form vanished for the seconds the save took and came back with the problems, and keys
pressed in that gap acted on the people screen under it. The form now stays open while
it saves: the problems are said in it, what was typed kept, the cursor in the field
named; once mended, F10 saves and closes it. 80x24, zh and en."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin
from pilot_support import open_screen, screen_text, settle
from textual.widgets import Input, Select

from fieldapp.store.people_models import Household
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen

UNFINDABLE = {"zh": "请填写地址或户号", "en": "the address or the household number"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_refused_new_household_never_leaves_the_screen(demo_home: Path, lang: str) -> None:
    key_behind_pin()
    held = Household.select().count()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        people = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        dialog.query_one("#person-grid", Select).value = dialog.grids[0][1]
        name = dialog.query_one("#person-name", Input)
        name.focus()
        await pilot.press(*"Chen", "f10")
        await pilot.pause()  # the save under way: the form is still there
        assert app.screen is dialog
        await settle(app, pilot, rounds=2)
        assert app.screen is dialog
        assert UNFINDABLE[lang] in screen_text(app)
        assert dialog.query_one("#person-name", Input).value == "Chen"
        address = dialog.query_one("#person-address", Input)
        assert app.focused is address  # the field the problem names
        await pilot.press(*"Sanzu 17")
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is people
    assert Household.select().count() == held + 1
