"""A signed placard of a venue outside my grids: the server refuses an inspection of it
at sync (outside_grid, DESIGN.md: nobody writes outside their grids), so the scan says so
before one is started, and starting takes a deliberate choice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pilot_support import code_typed_into_scan, screen_text
from test_wedge_scan import (
    Keys,
    burst,
    drafts_of,
    keys,
    my_venues,
    scanning_app,
    settle,
)
from textual.widgets import Button

from fieldapp.i18n import set_language, t
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.store.models import Grid, Venue
from fieldapp.tui.dialogs.outside_grid import OutsideGridDialog
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog
from fieldapp.tui.screens.home import HomeScreen

__all__ = ["keys"]  # a fixture, used by name


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


def venue_outside_my_grids() -> Venue:
    mine = grid_codes_under([code for code, _ in me().grids])
    return Venue.select().where(Venue.grid.not_in(mine)).order_by(Venue.code).first()


async def test_placard_outside_my_grids_warns_and_starts_only_when_chosen(keys: Keys) -> None:
    venue = venue_outside_my_grids()
    grid = Grid.get(Grid.code == venue.grid_code)
    payload = keys.placard(venue.code)
    app, guard_clock = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, payload)
        dialog = app.screen
        assert isinstance(dialog, ScannedVenueDialog)
        body = str(dialog.query_one(".dialog-body").render())
        assert t("scan.venue.outside_grid", grid=grid.name) in body
        assert str(dialog.query_one("#yes", Button).label) == t("scan.venue.start_anyway")
        shown = screen_text(app)  # all of it in sight at 80x24
        assert grid.name in shown and t("scan.venue.start_anyway") in shown
        # broken where a phrase ends, not inside 退回 (Textual breaks Chinese anywhere)
        assert any("这次检查提交后会被服务器退回，" in line for line in shown.splitlines()), shown
        await pilot.press("enter")  # a reflex Enter cancels
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert drafts_of(venue) == []
        guard_clock.now += 60  # past the repeat window: the same placard again
        await burst(app, pilot, payload)
        assert isinstance(app.screen, ScannedVenueDialog)
        await pilot.press("y")  # chosen knowingly
        await settle(app, pilot)
        assert type(app.screen).__name__ == "InspectScreen"
    assert len(drafts_of(venue)) == 1


async def test_placard_in_my_grids_says_nothing_of_grids(keys: Keys) -> None:
    venue = my_venues(1)[0]
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, keys.placard(venue.code))
        dialog = app.screen
        assert isinstance(dialog, ScannedVenueDialog)
        assert dialog.outside == ""
        assert dialog.focused is dialog.query_one("#yes", Button)


async def test_typed_code_outside_my_grids_warns_too(demo_home: Path) -> None:
    venue = venue_outside_my_grids()
    grid = Grid.get(Grid.code == venue.grid_code)
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await code_typed_into_scan(app, pilot, venue.code)
        dialog = app.screen  # the same words and Cancel-first buttons as the placard's
        assert isinstance(dialog, OutsideGridDialog)
        body = str(dialog.query_one(".dialog-body").render())
        assert t("scan.venue.outside_grid", grid=grid.name) in body
        assert str(dialog.query_one("#yes", Button).label) == t("scan.venue.start_anyway")
        assert dialog.focused is dialog.query_one("#no", Button)
        await pilot.press("y")  # chosen knowingly: then why it was typed, not scanned
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"
    assert drafts_of(venue) == []
