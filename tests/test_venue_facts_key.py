"""The inspection's line of venue attributes names the key that opens their correction
form: on a number's field v typed a v, though the line said "v 更正". It says alt+v,
which works in a field and on the card alike, so the line does not jump as the focus
moves (it said "· v 更正" on the card, "· alt+v 更正" in a field); v still works on the
card."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from inspect_support import seed_store, settle
from textual.pilot import Pilot
from textual.widgets import Static

from fieldapp.store.models import Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.venue_facts import VenueFactsDialog
from fieldapp.tui.screens.inspect import InspectScreen


def facts_line(screen: InspectScreen) -> str:
    """The venue's attributes and, at the line's right, the key that corrects them."""
    facts, key = (
        str(screen.query_one(f"#{part}", Static).render())
        for part in ("inspect-facts", "inspect-facts-key")
    )
    return f"{facts} {key}"


GAS_SHOP_ID = "0190a000-0000-7000-8000-000000000003"
LINE = {
    "zh": "场所信息：用燃气 是 · {key} 更正",
    "en": "Venue: Gas in use: yes · {key} to correct",
}


async def open_gas_shop(app: FieldApp, pilot: Pilot[object]) -> InspectScreen:
    """Start (or resume) the inspection of the shop that uses gas, its placard missing."""
    app.open_venue(GAS_SHOP_ID, presence="manual", reason="placard_missing")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, InspectScreen)
    return screen


@asynccontextmanager
async def gas_shop_app(lang: str) -> AsyncIterator[tuple[FieldApp, Pilot[object]]]:
    """The app at 80x24 in `lang`, its store holding a small shop that uses gas (its
    only attribute), not yet inspected; the first item of its checklist asks a number."""
    seed_store()
    Venue.create(
        id=GAS_SHOP_ID, code="XC-0003", name="燃气小店", kind="small_shop", grid="T01",
        attributes={"has_gas": True},
    )  # fmt: skip
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        yield app, pilot


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_venue_line_names_the_key_that_works_on_the_item(home: Path, lang: str) -> None:
    async with gas_shop_app(lang) as (app, pilot):
        screen = await open_gas_shop(app, pilot)
        assert screen.item.answer == "number"
        assert facts_line(screen) == LINE[lang].format(key="alt+v")
        await pilot.press("v")  # typed, as in any field
        await settle(app, pilot)
        assert app.screen is screen and screen.card.answer_input.value == "v"
        await pilot.press("backspace", "alt+v")  # the key it names opens the form
        await settle(app, pilot)
        assert isinstance(app.screen, VenueFactsDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        await pilot.press("tab")  # on the card: the same line, the same key
        await settle(app, pilot)
        assert app.focused is not screen.card.answer_input
        assert facts_line(screen) == LINE[lang].format(key="alt+v")
        screen.go_to(
            next(c for c in screen.codes if screen.view.checklist.item(c).answer == "yesno")
        )
        await settle(app, pilot)
        assert facts_line(screen) == LINE[lang].format(key="alt+v")
        await pilot.press("alt+v")  # it works there
        await settle(app, pilot)
        assert isinstance(app.screen, VenueFactsDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("v")  # and so does v
        await settle(app, pilot)
        assert isinstance(app.screen, VenueFactsDialog)
