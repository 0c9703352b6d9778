"""The person form (F11, e) keeps the person's name as held in its title until a save
succeeds: a name refused by the name rule ("王") read "修改：王" once the form came back
with the problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import edit_person, household_of_one, key_behind_pin
from pilot_support import settle
from textual.widgets import Input, Label

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen


def title_of(dialog: PersonDialog) -> str:
    return str(dialog.query_one(".dialog-title", Label).render())


async def save_name(app, pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one("#person-name", Input).value = name
    await pilot.press("f10")
    await settle(app, pilot, rounds=3)


@pytest.mark.parametrize(("lang", "refused"), [("zh", "王"), ("en", "A")])
async def test_a_refused_name_does_not_become_the_title(
    demo_home: Path, lang: str, refused: str
) -> None:
    key_behind_pin()
    household_of_one("王秀英", sex="female")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await edit_person(app, pilot, "王秀英")
        held = dialog.member.name
        assert held == "王秀英" and title_of(dialog) == t("person.title.edit", name=held)
        await save_name(app, pilot, refused)
        again = app.screen
        assert again is dialog  # refused: the form stayed, what was typed in it
        assert again.query_one("#person-problems")
        assert again.query_one("#person-name", Input).value == refused  # kept as typed
        assert title_of(again) == t("person.title.edit", name=held)
        await save_name(app, pilot, refused)  # refused twice: still the name held
        assert isinstance(app.screen, PersonDialog)
        assert title_of(app.screen) == t("person.title.edit", name=held)
        await save_name(app, pilot, held + "兰")  # saved: the title names it from now on
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonDialog)
        assert title_of(app.screen) == t("person.title.edit", name=held + "兰")
