"""The app's ctrl keys act from a screen's search field as from the rest of the screen:
ctrl+e (export) from the find-venue query and the people search moved the cursor to the
end instead (Textual's Input binds ctrl+e to End)."""

from __future__ import annotations

from pathlib import Path

from people_support import key_behind_pin
from pilot_support import open_screen, settle
from textual.widgets import Input

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.screens.people import PeopleScreen


async def test_ctrl_e_exports_from_the_find_venue_query(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "slash", FindVenueScreen)
        assert isinstance(app.focused, Input) and app.focused.id == "query"
        await pilot.press(*"DM", "home")
        await pilot.press("end")  # End still moves to the end
        assert app.focused.cursor_position == 2
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen)


async def test_ctrl_e_exports_from_the_people_search(demo_home: Path) -> None:
    key_behind_pin()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        screen.query_one("#people-search", Input).focus()
        await settle(app, pilot)
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen)
