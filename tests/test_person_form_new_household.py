"""People (F11): `n`, labelled 新建住户 / New household in the footer, opens a form that
makes a household and its first person; its title said 登记人员 / Register a person, as if
it added someone to a household already held. `a` still adds one person."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin
from pilot_support import open_screen, settle
from textual.widgets import DataTable, Label

from fieldapp.i18n import t
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen


def title_of(dialog: PersonDialog) -> str:
    return str(dialog.query_one(".dialog-title", Label).render())


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_new_household_form_is_titled_as_its_key(demo_home: Path, lang: str) -> None:
    key_behind_pin()
    registry.save_household(
        registry.HouseholdForm(grid_code=me().grids[0][0], code="DM-021", address="鼎美村二组21号",
                               members=[registry.MemberForm("王秀英")])
    )  # fmt: skip
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        label = next(b.binding.description for b in screen.active_bindings.values()
                     if b.binding.action == "new_household")  # fmt: skip
        assert label == t("binding.people.new")
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog) and dialog.new_household
        assert title_of(dialog) == t("person.title.new_household")
        assert label in title_of(dialog)  # the key's words, in the form it opens
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        screen.query_one("#people-table", DataTable).focus()
        await pilot.press("a")  # one more person in the household under the cursor
        await settle(app, pilot)
        assert isinstance(app.screen, PersonDialog) and not app.screen.new_household
        assert title_of(app.screen) == t("person.title.new_in_code", code="DM-021")
