"""Campaigns (ctrl+k), English: after the fireworks ban was switched off the row read
`off  Ban in force`, a ban said in force by the row saying it is off. Off, the phase column
says no phase ("-"), as the grids column says it runs nowhere; on, it names the phase."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import seed_store, switch_on_campaign
from pilot_support import open_screen
from test_campaigns_screen import _rows

from fieldapp.i18n import set_language
from fieldapp.store.campaign_models import CampaignRun
from fieldapp.store.models import Person
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.campaigns import CampaignsScreen


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_campaign_switched_off_shows_no_phase(home: Path, lang: str) -> None:
    seed_store()
    Person.update(role="supervisor").execute()
    switch_on_campaign("spring_festival", "禁燃期")
    set_language(lang)
    try:
        app = make_app(lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
            on = {"en": ["on", "Ban in force"], "zh": ["进行中", "禁燃期"]}[lang]
            assert _rows(screen)[0][1:3] == on  # the one campaign published
        CampaignRun.update(active=False).where(CampaignRun.code == "spring_festival").execute()
        app = make_app(lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:  # as pulled once switched off
            screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
            off = {"en": ["off", "-", "-"], "zh": ["未开启", "-", "-"]}[lang]
            row = _rows(screen)[0]
            assert [row[1], row[2], row[4]] == off, row
    finally:
        set_language("zh")
