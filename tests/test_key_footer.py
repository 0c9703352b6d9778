"""Every key a screen offers is visible in its footer at 120×36: the footer wraps the
screen's and the app's keys (F2 scan, F7 rounds, F12 sync…) onto more rows instead of
letting them scroll out of sight."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from textual.screen import Screen
from textual.widgets._footer import FooterKey

from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.widgets.key_footer import KeyFooter, fit


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("zh")


def hidden_keys(screen: Screen[object]) -> list[str]:
    """The shown bindings of `screen` with no fully visible key in its footer."""
    footer = screen.query_one(KeyFooter)
    visible = {
        key.action
        for key in footer.query(FooterKey)
        if key.region.width
        and footer.region.contains_region(key.region)
        and key.region.width >= key.get_content_width(key.region.size, key.region.size)
    }
    return [
        f"{binding.key} {binding.description}"
        for _, binding, _, _ in screen.active_bindings.values()
        if binding.show and binding.action not in visible
    ]


def test_fit_wraps_only_when_one_row_is_too_narrow() -> None:
    assert fit([10, 10, 10], 40) == [10, 10, 10]
    assert fit([10, 10, 10, 12], 30) == [10, 12]
    assert fit([], 40) == [1]


@pytest.mark.parametrize("role", ["inspector", "supervisor"])
async def test_home_and_inspect_show_every_key(demo_home: Path, lang: str, role: str) -> None:
    demo.act_as(role)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        assert app.person_role == role
        ids = {b.id for _, b, _, _ in app.screen.active_bindings.values() if b.show}
        assert {"app.sync", "app.scan", "app.rounds", "app.daily_report", "app.export"} <= ids
        assert hidden_keys(app.screen) == []
        due = app.screen.home_view.due  # type: ignore[union-attr]
        app.open_venue(due[0].venue_id, presence="manual", reason="placard_missing")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, InspectScreen)
        assert hidden_keys(app.screen) == []
        await pilot.press("right")  # a yes/no item: pass and fail are offered too
        await settle(app, pilot, rounds=3)
        assert hidden_keys(app.screen) == []


async def test_a_narrower_terminal_wraps_onto_more_rows(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=3)
        rows = app.screen.query_one(KeyFooter).size.height
        await pilot.resize_terminal(80, 36)
        await settle(app, pilot, rounds=3)
        assert app.screen.query_one(KeyFooter).size.height > rows
        assert hidden_keys(app.screen) == []
