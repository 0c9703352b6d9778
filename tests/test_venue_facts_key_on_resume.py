"""Resuming an unfinished inspection shows the venue's attributes as starting it does,
with the key that corrects them: back from home to DM-0015 on a yes/no item, the line
read "场所信息：用燃气 未登记" without its "· v 更正" (the card had the focus before the
screen knew the venue's attributes, and kept it: no focus move named the key)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import seed_store, settle
from test_venue_facts_key import LINE, facts_line

from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen

GAS_SHOP_ID = "0190a000-0000-7000-8000-000000000003"


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_venue_line_names_its_key_when_resumed(home: Path, lang: str) -> None:
    seed_store()
    Venue.create(
        id=GAS_SHOP_ID, code="XC-0003", name="燃气小店", kind="small_shop", grid="T01",
        attributes={"has_gas": True},
    )  # fmt: skip
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.open_venue(GAS_SHOP_ID, presence="manual", reason="placard_missing")
        await settle(app, pilot)
        started = app.screen
        assert isinstance(started, InspectScreen)
        assert facts_line(started) == LINE[lang].format(key="alt+v")
        await pilot.press("2", "enter")  # the count answered: on a yes/no item
        await settle(app, pilot)
        assert started.item.answer == "yesno"
        assert facts_line(started) == LINE[lang].format(key="v")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        app.open_venue(GAS_SHOP_ID, presence="manual", reason="placard_missing")
        await settle(app, pilot)
        resumed = app.screen
        assert isinstance(resumed, InspectScreen)
        assert resumed.inspection_id == started.inspection_id
        assert resumed.item.answer == "yesno"
        assert facts_line(resumed) == LINE[lang].format(key="v")
