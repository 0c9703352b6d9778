"""Home's paging keys n/p at 80×24: offered in the footer when the venues due take more
than one page (in English they gave way to i and r, while the due list said "showing
1–50" of 181), and not offered at all when one page holds them all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import at_home, footer_keys_seen

from fieldapp.domain.clock import today
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen

PAGING = {"zh": ("n 下一页", "p 上一页"), "en": ("n Next", "p Prev")}


def footer_row(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen._compositor.render_strips()[-1].text


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_paging_keys_show_when_the_due_list_has_more_pages(
    demo_home: Path, lang: str
) -> None:
    demo.act_as("supervisor")
    Venue.update(due_on=today()).execute()  # the small demo's 60 venues all due today
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        assert screen.home_view.due_total > 50
        row = footer_row(app)
        assert all(key in row for key in PAGING[lang]), row
        await pilot.press("n")
        await at_home(app, pilot, rounds=3)
        assert screen.due_offset == 50


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_no_paging_keys_when_one_page_holds_the_venues_due(
    demo_home: Path, lang: str
) -> None:
    demo.act_as("supervisor")
    later = today() + dt.timedelta(days=90)
    kept = [v.id for v in Venue.select(Venue.id).order_by(Venue.id).limit(20)]
    Venue.update(due_on=later).where(Venue.id.not_in(kept)).execute()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        assert 0 < screen.home_view.due_total <= 50
        row = footer_row(app)
        assert not any(a.startswith("due_page") for a in footer_keys_seen(screen)), row
        refresh = "r 刷新" if lang == "zh" else "r Refresh"
        assert refresh in row, row
