"""The person form (F11, e) refuses a day that has not come: an arrival of 2030-01-01
was saved, as was a departure in the future and a birth year of 3000 (said only to be
"not valid"). Brought back with problems, the form puts the cursor on the first field
with one, not on the name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from people_support import edit_person, household_of_one, key_behind_pin, member_named
from pilot_support import settle
from textual.widgets import Input, Static

from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen


def a_person(name: str) -> None:
    key_behind_pin()
    household_of_one(
        name, sex="female", arrived_on="2026-06-09", code="DM-031", address="鼎美村三组31号"
    )


async def save_typed(app, pilot, **typed: str) -> None:  # type: ignore[no-untyped-def]
    for name, value in typed.items():
        app.screen.query_one(f"#person-{name}", Input).value = value
    await pilot.press("f10")
    await settle(app, pilot, rounds=3)


def problems_of(dialog: PersonDialog) -> str:
    return str(dialog.query_one("#person-problems", Static).render())


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_an_arrival_that_has_not_come_is_refused_and_focused(
    demo_home: Path, lang: str
) -> None:
    a_person("黄丽")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_person(app, pilot, "黄丽")
        await save_typed(app, pilot, arrived_on="2030-01-01")
        again = app.screen
        assert isinstance(again, PersonDialog)  # refused: back with what was typed
        assert t("people.arrived_on_future", value="2030-01-01") in problems_of(again)
        assert app.focused is again.query_one("#person-arrived_on", Input)
        assert member_named("黄丽").arrived_on == dt.date(2026, 6, 9)  # nothing saved

        tomorrow = (today() + dt.timedelta(days=1)).isoformat()
        await save_typed(app, pilot, arrived_on="2026-06-09", left_on=tomorrow)
        assert isinstance(app.screen, PersonDialog)
        assert t("people.left_on_future", value=tomorrow) in problems_of(app.screen)
        assert app.focused is app.screen.query_one("#person-left_on", Input)

        await save_typed(app, pilot, left_on=today().isoformat())  # today has come
        assert isinstance(app.screen, PeopleScreen)
        assert member_named("黄丽").left_on == today()


async def test_a_birth_year_to_come_is_said_to_be_so_and_focused(demo_home: Path) -> None:
    a_person("黄丽")
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_person(app, pilot, "黄丽")
        await save_typed(app, pilot, birth_year="3000")
        again = app.screen
        assert isinstance(again, PersonDialog)
        said = problems_of(again)
        assert "3000 has not come yet" in said and t("people.bad_birth_year") not in said
        assert app.focused is again.query_one("#person-birth_year", Input)
        # Two problems: the cursor is on the first in the form's order, not the first said.
        await save_typed(app, pilot, name="", birth_year="1985", phone="12345")
        assert isinstance(app.screen, PersonDialog)
        assert app.focused is app.screen.query_one("#person-name", Input)
        await save_typed(app, pilot, name="黄丽", phone="12345", arrived_on="2030-01-01")
        assert app.focused is app.screen.query_one("#person-phone", Input)


def test_the_service_takes_a_date_held_already_unchanged(demo_home: Path) -> None:
    """A date in the future saved before the rule does not block another edit."""
    from fieldapp.store.people_models import HouseholdMember

    a_person("黄丽")
    held = member_named("黄丽")
    HouseholdMember.update(arrived_on=dt.date(2030, 1, 1)).where(
        HouseholdMember.id == held.id
    ).execute()
    household = held.household
    registry.save_household(
        registry.HouseholdForm(
            grid_code=me().grids[0][0],
            id=household.id,
            code=household.code,
            address=household.address,
            members=[registry.MemberForm("黄丽", id=held.id, arrived_on="2030-01-01", note="x")],
        )
    )
    assert member_named("黄丽").note == "x"
