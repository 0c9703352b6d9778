"""Find venue (`/`) at 80x24, as People (F11) does: a search that finds nothing says what
was searched and what to try; the first Esc clears the text typed (the footer says so)
and gives every venue back, and only a second Esc leaves."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import Input

from fieldapp.i18n import set_language
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets import PagedTable


def rendered(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize(
    ("lang", "none", "clear"),
    [
        ("zh", "没有找到“zzqq”：换个关键词", "esc 清空搜索"),
        ("en", "No venue matches 'zzqq': try other words", "esc Clear search"),
    ],
)
async def test_esc_clears_the_text_first_and_leaves_only_then(
    demo_home: Path, lang: str, none: str, clear: str
) -> None:
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("slash")
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, FindVenueScreen)
            table = screen.query_one("#results", PagedTable)
            every = table.row_count
            assert every > 0
            await pilot.press(*"zzqq", "enter")
            await settle(app, pilot)
            assert table.row_count == 0 and none in rendered(app)
            assert clear in rendered(app)  # the footer says what Esc does now
            await pilot.press("escape")
            await settle(app, pilot)
            assert app.screen is screen, "Esc with text typed left find venue"
            assert screen.query_one("#query", Input).value == ""
            assert table.row_count == every and clear not in rendered(app)
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, HomeScreen)
    finally:
        set_language("zh")
