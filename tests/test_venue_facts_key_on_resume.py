"""Resuming an unfinished inspection shows the venue's attributes as starting it does,
with the key that corrects them: back from home to DM-0015 on a yes/no item, the line
read "场所信息：用燃气 未登记" without its "· alt+v 更正" (the card had the focus before the
screen knew the venue's attributes, and kept it: no focus move named the key)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import settle
from test_venue_facts_key import LINE, facts_line, gas_shop_app, open_gas_shop

from fieldapp.tui.screens.home import HomeScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_venue_line_names_its_key_when_resumed(home: Path, lang: str) -> None:
    async with gas_shop_app(lang) as (app, pilot):
        started = await open_gas_shop(app, pilot)
        assert facts_line(started) == LINE[lang].format(key="alt+v")
        await pilot.press("2", "enter")  # the count answered: on a yes/no item
        await settle(app, pilot)
        assert started.item.answer == "yesno"
        assert facts_line(started) == LINE[lang].format(key="alt+v")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        resumed = await open_gas_shop(app, pilot)
        assert resumed.inspection_id == started.inspection_id
        assert resumed.item.answer == "yesno"
        assert facts_line(resumed) == LINE[lang].format(key="alt+v")
