"""The person form (F11, e) refused a birth year of 1899 as "The birth year is not valid;
enter four digits (e.g. 1985)": it is four digits. It now says the year is too early
and the range a birth year must be in, in the chosen language."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import edit_person, household_of_one, key_behind_pin, member_named
from pilot_support import settle
from textual.widgets import Input, Static

from fieldapp.domain.clock import today
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("zh", "出生年份 1899 太早：出生年份应在 1900 年到 {year} 年之间，请核对。", "四位"),
        ("en", "The birth year 1899 is too early: it must be between 1900 and {year}", "four digits"),
    ],
)  # fmt: skip
async def test_a_birth_year_before_1900_is_said_to_be_too_early_with_the_range(
    demo_home: Path, lang: str, said: str, not_said: str
) -> None:
    key_behind_pin()
    household_of_one(
        "黄丽", sex="female", birth_year="1985", code="DM-031", address="鼎美村三组31号"
    )
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_person(app, pilot, "黄丽")
        app.screen.query_one("#person-birth_year", Input).value = "1899"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        again = app.screen
        assert isinstance(again, PersonDialog)  # refused: back with what was typed
        problems = str(again.query_one("#person-problems", Static).render())
        assert said.format(year=today().year) in problems
        assert not_said not in problems
        assert app.focused is again.query_one("#person-birth_year", Input)
    assert member_named("黄丽").birth_year == 1985  # nothing saved
