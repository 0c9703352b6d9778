"""With campaigns on, the inspection's top line lost its venue: at 80 columns
"鼎美村·春风超…  超市巡查表 v6 · 专项：…" (the code DM-0003 gone), at 60 columns only
"   超市巡查表 v6 · 专项：疫情防控（无病例）、春节禁燃（节前". The venue's code stays
first on the line and as much of its name as fits; the campaigns are what is cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import switch_on_campaign
from pilot_support import at_home, settle

from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspect import InspectScreen

CAMPAIGN = {"zh": "专项：疫情防控", "en": "Campaigns: Epidemic"}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
@pytest.mark.parametrize("code", ["DM-0003", "LDK-0012"])
async def test_top_line_keeps_the_venue(
    demo_home: Path, lang: str, size: tuple[int, int], code: str
) -> None:
    switch_on_campaign("epidemic", "无病例")
    switch_on_campaign("spring_festival", "节前宣传")
    venue = Venue.get(Venue.code == code)
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot)
        app.open_venue(venue.id, presence="manual", reason="placard_missing")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, InspectScreen)
        line = app.screen.query_one("#inspect-header").region.y
        top = app.screen._compositor.render_strips()[line].text
        assert top.strip().startswith(f"{code}  {venue.name[:3]}"), top
        assert top.rstrip().endswith("…"), top  # the campaigns, cut
        if size[0] == 80:
            assert CAMPAIGN[lang][:4] in top, top
