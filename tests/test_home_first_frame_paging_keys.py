"""Home's first frame offers its paging keys (n/p) when the venues due take more than one
page. The footer chose its keys before home showed the data read at start-up (the number
of venues due decides whether n/p are offered) and, once it had keys, chose again only
after the next frame: at every start with more than 50 venues due the first frame's footer
had no n/p (and F12 in their place) and changed a frame later."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home
from test_home_first_frame_settled import on_first_home_frame
from test_home_paging_keys_at_80_columns import PAGING, footer_row

from fieldapp.domain.clock import today
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.views.home import start_building_home_view


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_first_frame_offers_the_paging_keys(demo_home: Path, lang: str) -> None:
    demo.act_as("supervisor")
    Venue.update(due_on=today()).execute()  # the small demo's 60 venues all due today
    start_building_home_view()  # as the app's start does, while Textual is imported
    app = make_app(lang=lang)
    first = on_first_home_frame(app, lambda home: home._compositor.render_strips()[-1].text)  # noqa: SLF001
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        home = app.screen
        assert isinstance(home, HomeScreen) and home.home_view is not None
        assert home.home_view.due_total > 50
        assert first, "home drew a frame with its data"
        row = first[0]
        assert isinstance(row, str)
        assert all(key in row for key in PAGING[lang]), row
        assert row == footer_row(app)
