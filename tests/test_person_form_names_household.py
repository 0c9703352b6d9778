"""`a` on a person (F11) opens the form of a new person of that household: its title says
which household (户号), not only 登记人员, at 80x24 in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin, returnee_family
from pilot_support import open_screen, settle
from textual.widgets import Label

from fieldapp.i18n import set_language
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.store.people_models import Household
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen


@pytest.mark.parametrize(
    ("lang", "title"), [("zh", "登记人员 · 户号 {}"), ("en", "Register a person · household {}")]
)
async def test_a_new_person_of_a_household_names_it(demo_home: Path, lang: str, title: str) -> None:
    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    code = Household.get().code
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_screen(app, pilot, "f11", PeopleScreen)
            await pilot.press("down")  # F11 opens on the search; Down goes to the list
            await pilot.press("a")
            await settle(app, pilot)
            dialog = app.screen
            assert isinstance(dialog, PersonDialog)
            shown = str(dialog.query_one(".dialog-title", Label).render())
            assert shown == title.format(code), shown
    finally:
        set_language("zh")
