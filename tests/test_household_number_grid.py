"""People (F11), n: a household number carrying another grid's code (T01-DM-1-99 for a
household of T01-LDK) was saved without a word. The server takes any number (villages
number their own way), so the form says so once, with the cursor on the number, and
saves the same form when F10 is pressed again; a number of the household's own grid (or
one under it) saves at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin
from pilot_support import open_screen, settle
from textual.widgets import Input, Select, Static

from fieldapp.domain.registry import grid_a_number_names
from fieldapp.i18n import t
from fieldapp.store.models import Grid
from fieldapp.store.people_models import Household
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen


def test_the_longest_grid_code_a_number_begins_with_is_the_one_it_names() -> None:
    codes = ["T01", "T01-DM", "T01-DM-1", "T01-LDK"]
    assert grid_a_number_names("T01-DM-1-99", codes) == "T01-DM-1"
    assert grid_a_number_names(" t01-ldk-07", codes) == "T01-LDK"
    assert grid_a_number_names("3-201", codes) is None
    assert grid_a_number_names("T01-DMX-1", codes) == "T01"  # a code ends at a dash


async def new_household(app, pilot, grid: str, number: str) -> PersonDialog:  # type: ignore[no-untyped-def]
    dialog = app.screen
    assert isinstance(dialog, PersonDialog)
    dialog.query_one("#person-grid", Select).value = grid
    dialog.query_one("#person-code", Input).value = number
    dialog.query_one("#person-address", Input).value = "鼎美村二组21号"
    dialog.query_one("#person-name", Input).value = "王秀英"
    await pilot.press("f10")
    await settle(app, pilot, rounds=3)
    return dialog


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_another_grids_number_is_pointed_out_once(demo_home: Path, lang: str) -> None:
    key_behind_pin()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("n")
        await settle(app, pilot)
        offered = [code for _name, code in app.screen.grids]
        villages = [g.code for g in Grid.select() if g.level == "village"]
        mine = next(code for code in offered if code in villages)
        other = next(g.code for g in Grid.select() if g.level == "area"
                     and g.parent_code != mine)  # fmt: skip
        number = f"{other}-99"
        await new_household(app, pilot, mine, number)
        again = app.screen
        assert isinstance(again, PersonDialog)  # not saved: said first
        names = {g.code: g.name for g in Grid.select()}
        said = t("people.number_of_other_grid", code=number, named=other, grid=mine,
                 named_name=names[other], grid_name=names[mine])  # fmt: skip
        assert str(again.query_one("#person-problems", Static).render()) == said
        assert app.focused is again.query_one("#person-code", Input)
        assert Household.select().where(Household.code == number).count() == 0
        await pilot.press("f10")  # both are right: saved as they are
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PeopleScreen)
        assert Household.get(Household.code == number).grid_code == mine
        await pilot.press("n")
        await settle(app, pilot)
        own = next(g.code for g in Grid.select() if g.parent_code == mine)
        await new_household(app, pilot, mine, f"{own}-98")  # its own area's number
        assert isinstance(app.screen, PeopleScreen)
        assert Household.get(Household.code == f"{own}-98").grid_code == mine
