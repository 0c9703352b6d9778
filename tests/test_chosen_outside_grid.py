"""A venue outside my grids chosen in Find venue: the server refuses
an inspection of it at sync (outside_grid), so it is said before anything is written, in
the words and with the Cancel-first buttons of its scanned placard (test_scan_outside_grid,
which tests a typed code too).

Home cannot offer such a venue: its due list holds only venues in my grids and those
under them (services.inspection.home.due_condition), the same set venue_scope takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from test_find_venue import open_find, search_for
from test_scan_outside_grid import venue_outside_my_grids
from textual.widgets import Button

from fieldapp.i18n import t
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.inspection.home import load_home
from fieldapp.store.models import Grid, Inspection, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.outside_grid import OutsideGridDialog
from fieldapp.tui.screens.find_venue import FindVenueScreen

pytestmark = pytest.mark.usefixtures("chinese")


def drafts_of(venue: Venue) -> list[Inspection]:
    return list(Inspection.select().where(Inspection.venue == venue.id))


def dialog_text(dialog: OutsideGridDialog) -> str:
    return str(dialog.query_one(".dialog-body").render())


async def test_find_venue_warns_of_a_venue_outside_my_grids(demo_home: Path) -> None:
    venue = venue_outside_my_grids()
    grid = Grid.get(Grid.code == venue.grid_code)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        await search_for(app, pilot, screen, venue.code)
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, OutsideGridDialog)
        assert t("scan.venue.outside_grid", grid=grid.name) in dialog_text(dialog)
        assert str(dialog.query_one("#yes", Button).label) == t("scan.venue.start_anyway")
        assert dialog.focused is dialog.query_one("#no", Button)
        await pilot.press("enter")  # a reflex Enter cancels: nothing asked, nothing written
        await settle(app, pilot)
        assert isinstance(app.screen, FindVenueScreen)
        assert drafts_of(venue) == []
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, OutsideGridDialog)
        await pilot.press("y")  # chosen knowingly: then why it was chosen by hand
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"
        assert drafts_of(venue) == []
        await pilot.press("enter", "enter")  # placard missing, no note
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "InspectScreen"
    assert len(drafts_of(venue)) == 1


async def test_find_venue_in_my_grids_asks_only_why(demo_home: Path) -> None:
    mine = grid_codes_under([code for code, _ in me().grids])
    venue = Venue.select().where(Venue.grid.in_(mine)).order_by(Venue.code).first()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        await search_for(app, pilot, screen, venue.code)
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"


def test_home_lists_no_venue_outside_my_grids(demo_home: Path) -> None:
    mine = set(grid_codes_under([code for code, _ in me().grids]))
    outside = Venue.select().where(Venue.grid.not_in(list(mine))).count()
    assert outside > 0  # the demo device does hold some
    home = load_home(page=100_000)
    assert home.due and all(v.grid_code in mine for v in home.due)
