"""Patrols (Ctrl+G) said 这段时间没有排定的巡逻；巡逻由办公室排定 to an inspector whose
fireworks route waits for the 春节禁燃 campaign, which the office has not switched on:
Enter says the routes wait for that campaign, by its name, in both languages; once it is
switched on nothing waits."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import ROUTE_ID, enter_on_due_routes, seed_patrol_store

from fieldapp.services.common.campaigns import clear_cache, load_campaigns
from fieldapp.services.patrols import due
from fieldapp.store.campaign_models import Campaign, CampaignRun
from fieldapp.store.patrol_models import PatrolRoute
from fieldapp.tui.app import make_app

SAID = {"zh": "专项行动“春节禁燃", "en": "the campaign Spring"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_route_waiting_for_a_campaign_switched_off_says_which(
    home: Path, lang: str
) -> None:
    seed_patrol_store()
    PatrolRoute.update(campaign="spring_festival").where(PatrolRoute.id == ROUTE_ID).execute()
    clear_cache()
    load_campaigns()
    version = max(c.version for c in Campaign.select().where(Campaign.code == "spring_festival"))
    CampaignRun.insert(code="spring_festival", version=version, active=False).execute()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        _, said = await enter_on_due_routes(app, pilot)
        assert any(SAID[lang] in message for message in said), said
    CampaignRun.update(active=True).where(CampaignRun.code == "spring_festival").execute()
    assert due.waiting_campaigns() == []  # switched on: the route is due, nothing waits
