"""Registering a person (F11, n) at 80×24 has its Save and Cancel in sight under the
fields, which scroll: the form showed no Save, only F10 in the footer, with the groups
list running to the dialog's bottom border. The button saves as F10 does."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import has_member_named, key_behind_pin
from pilot_support import open_screen, settle
from textual.widgets import Button, Input, Select

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_save_is_in_sight_and_saves(demo_home: Path, lang: str) -> None:
    key_behind_pin()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        box = dialog.query_one(".person-box").region.shrink((1, 1, 1, 1))
        save = dialog.query_one("#person-save", Button)
        cancel = dialog.query_one("#person-cancel", Button)
        for button, label in ((save, "person.save"), (cancel, "person.cancel")):
            assert str(button.label) == t(label)
            assert box.contains_region(button.region), (box, button.region)
        # The last field, tabbed to, is scrolled into sight above the buttons.
        dialog.query_one("#person-tags").focus()
        await settle(app, pilot)
        tags = dialog.query_one("#person-tags").region
        assert tags.bottom <= save.region.y, (tags, save.region)
        dialog.query_one("#person-grid", Select).value = dialog.grids[0][1]
        dialog.query_one("#person-address", Input).value = "鼎美村三组40号"
        dialog.query_one("#person-name", Input).value = "黄丽"
        await pilot.click("#person-save")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PeopleScreen)
    assert has_member_named("黄丽")
