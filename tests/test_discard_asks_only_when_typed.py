"""A form asks "放弃已填写的内容？" on Esc only when something was typed or changed. The
person form (F11, a) refused by F10 with nothing typed came back "with what was typed"
and counted as changed from the start, so Esc asked about nothing; now the form that
comes back is compared with the first one as it was drawn."""

from __future__ import annotations

from pathlib import Path

from people_support import household_of_one, key_behind_pin
from pilot_support import open_screen, settle
from textual.widgets import Input

from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen


def a_household() -> None:
    key_behind_pin()
    household_of_one("王秀英", sex="female")


async def refused_add_person(app: FieldApp, pilot, typed: str = "") -> PersonDialog:  # type: ignore[no-untyped-def]
    """F11, a (add a person to the household), `typed` as the note, F10: refused (no
    name), the form back with its problems."""
    await open_screen(app, pilot, "f11", PeopleScreen)
    await pilot.press("down")  # F11 opens on the search; Down goes to the list
    await pilot.press("a")
    await settle(app, pilot)
    first = app.screen
    assert isinstance(first, PersonDialog)
    first.query_one("#person-note", Input).value = typed
    await pilot.pause()
    await pilot.press("f10")
    await settle(app, pilot, rounds=3)
    again = app.screen
    assert again is first  # the form stayed, its problems now in it
    assert again.query_one("#person-problems")
    return again


async def test_nothing_typed_then_refused_leaves_without_asking(demo_home: Path) -> None:
    a_household()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await refused_add_person(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PeopleScreen), type(app.screen).__name__


async def test_something_typed_before_the_refusal_is_still_asked_about(demo_home: Path) -> None:
    a_household()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        again = await refused_add_person(app, pilot, typed="刚搬来")
        assert again.query_one("#person-note", Input).value == "刚搬来"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep the form; take the note out again: nothing to ask
        await settle(app, pilot)
        again.query_one("#person-note", Input).value = ""
        await pilot.pause()
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
