"""F9 words home's campaign banner again in the language switched to: it kept the one it
was built in ("专项行动：疫情防控（有病例）" on an English home) until r reloaded it."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import seed_store, settle, switch_on_campaign
from pilot_support import screen_lines
from textual.widgets import Static

from fieldapp.tui.app import make_app

pytestmark = pytest.mark.usefixtures("chinese")  # English in one test: not after it

BANNER = {"zh": "专项行动：疫情防控（有病例）", "en": "Campaigns: Epidemic control (Cases)"}


@pytest.mark.parametrize(("first", "then"), [("zh", "en"), ("en", "zh")])
async def test_f9_words_the_campaign_banner_again(home: Path, first: str, then: str) -> None:
    seed_store()
    switch_on_campaign("epidemic", "有病例")
    app = make_app(lang=first)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        banner = app.screen.query_one("#home-campaigns", Static)
        assert str(banner.render()) == BANNER[first]
        await pilot.press("f9")
        await settle(app, pilot)
        banner = app.screen.query_one("#home-campaigns", Static)
        assert str(banner.render()) == BANNER[then]


async def test_a_banner_wider_than_80_columns_ends_between_words(home: Path) -> None:
    """Two campaigns on an English home at 80 columns read "…fireworks ban (Pre-fest",
    cut inside a word with nothing to say it went on."""
    seed_store()
    switch_on_campaign("epidemic", "无病例")
    switch_on_campaign("spring_festival", "节前宣传")
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        line = next(row for row in screen_lines(app) if "Campaigns:" in row).strip()
    assert line == "Campaigns: Epidemic control (No cases), Spring Festival fireworks ban…"
