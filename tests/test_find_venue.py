"""Find venue: Chinese substrings (2 and 3 characters), the kind filter, paging."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from textual.widgets import Input, Select, Static

from fieldapp.store.models import Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.find_venue import PAGE, FindVenueScreen
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")


async def open_find(app: FieldApp, pilot) -> FindVenueScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await pilot.press("slash")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, FindVenueScreen)
    return screen


async def search_for(app: FieldApp, pilot, screen: FindVenueScreen, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a person would (value changes, debounce), then Enter to search at once."""
    query = screen.query_one("#query", Input)
    query.focus()
    query.value = text
    await pilot.pause()
    await pilot.press("enter")
    await settle(app, pilot)


def codes(screen: FindVenueScreen) -> list[str]:
    table = screen.query_one("#results", PagedTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def shop_part(venue: Venue) -> str:
    """The venue's own name after the village prefix (demo names are 村·店名)."""
    return venue.name.split("·", 1)[-1]


@pytest.mark.parametrize("length", [2, 3])
async def test_chinese_substring_finds_the_venue(demo_home: Path, length: int) -> None:
    venue = Venue.select().where(Venue.kind == "small_restaurant").order_by(Venue.code).first()
    needle = shop_part(venue)[:length]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        await search_for(app, pilot, screen, needle)
        found = codes(screen)
        assert venue.code in found
        for code in found:
            row = Venue.get(Venue.code == code)
            assert needle in row.name or needle in row.address or needle in row.code


async def test_search_as_you_type_waits_for_the_debounce(demo_home: Path) -> None:
    venue = Venue.select().order_by(Venue.code.desc()).first()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        assert screen.query_one("#query", Input).has_focus
        await pilot.press(*venue.code)
        for _ in range(100):  # the 100 ms debounce, then the worker: wait for the answer
            await pilot.pause(0.02)
            if codes(screen) == [venue.code]:
                break
        await settle(app, pilot)
        assert codes(screen) == [venue.code]


async def test_kind_filter_narrows(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        await search_for(app, pilot, screen, "示例")
        everything = codes(screen)
        screen.query_one("#kind", Select).value = "rental_housing"
        await settle(app, pilot)
        rentals = codes(screen)
        expected = [
            v.code
            for v in Venue.select()
            .where((Venue.kind == "rental_housing") & (Venue.name.contains("示例")))
            .order_by(Venue.code)
            .limit(PAGE)
        ]
        assert rentals == expected
        assert 0 < len(rentals) < len(everything)
        table = screen.query_one("#results", PagedTable)
        assert all(str(table.get_row_at(i)[2]) == "出租房" for i in range(table.row_count))


async def test_paging_loads_the_next_and_previous_page(demo_home: Path) -> None:
    total = Venue.select().count()
    assert total > PAGE
    all_codes = [v.code for v in Venue.select(Venue.code).order_by(Venue.code)]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        assert codes(screen) == all_codes[:PAGE]
        assert "PgDn" in str(screen.query_one("#find-status", Static).render())
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert codes(screen) == all_codes[PAGE : 2 * PAGE]
        assert screen.query_one("#results", PagedTable).row_count <= PAGE
        screen.query_one("#results", PagedTable).focus()
        await pilot.press("p")
        await settle(app, pilot)
        assert codes(screen) == all_codes[:PAGE]
        await pilot.press("n")
        await settle(app, pilot)
        assert codes(screen) == all_codes[PAGE : 2 * PAGE]


async def test_enter_on_a_result_asks_why_then_opens_it(demo_home: Path) -> None:
    from fieldapp.services.common.identity import grid_codes_under, me
    from fieldapp.store.models import Inspection

    # In my grids (one outside warns first: test_chosen_outside_grid).
    mine = grid_codes_under([code for code, _ in me().grids])
    venue = Venue.select().where(Venue.grid.in_(mine)).order_by(Venue.code.desc()).first()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        await search_for(app, pilot, screen, venue.code)
        assert screen.query_one("#results", PagedTable).has_focus
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"
        await pilot.press("enter", "enter")  # placard missing, no note
        await settle(app, pilot)
        await settle(app, pilot)
        assert type(app.screen).__name__ == "InspectScreen"
    draft = Inspection.get((Inspection.venue == venue.id) & (Inspection.status == "draft"))
    assert (draft.presence, draft.presence_reason) == ("manual", "placard_missing")


async def test_down_from_the_search_field_moves_to_the_results(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        query = screen.query_one("#query", Input)
        query.focus()
        await pilot.press("示", "例")  # typed, then searched after the debounce
        await settle(app, pilot)
        table = screen.query_one("#results", PagedTable)
        assert table.row_count > 1 and query.has_focus
        await pilot.press("down")
        assert table.has_focus and table.cursor_row == 0
        await pilot.press("down")
        assert table.cursor_row == 1  # now the table moves its own cursor
        # `/` (find venue) goes back to the search field, its query kept.
        await pilot.press("slash")
        await settle(app, pilot)
        assert app.screen is screen and query.has_focus and query.value == "示例"


async def test_f3_and_f4_are_the_apps_incident_keys_here_too(demo_home: Path) -> None:
    """The footer's F3 (incident queue) and F4 (report an incident) do what they say on
    the find-venue screen as everywhere, from the search field and from the results."""
    from fieldapp.services.demo import workspace as demo
    from fieldapp.tui.dialogs.incident import IncidentDialog
    from fieldapp.tui.screens.incidents import IncidentsScreen

    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        offered = {b.key: b.action for _, b, _, _ in screen.active_bindings.values()}
        assert offered["f3"] == "incidents" and offered["f4"] == "report_incident"
        assert screen.query_one("#query", Input).has_focus
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        await pilot.press("down")  # to the results
        await pilot.press("f3")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentsScreen)


async def test_a_village_chosen_from_the_grid_menu_by_keyboard(demo_home: Path) -> None:
    """Tab to the grid menu, Enter opens it: its Esc key is said in Chinese like every other
    key (Textual's own "Dismiss menu" was shown in English); Esc closes it, and a village
    picked with Down and Enter lists that village's venues only."""
    from fieldapp.services.common.identity import grid_codes_under
    from fieldapp.tui.widgets.key_footer import KeyFooter

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_find(app, pilot)
        menu = screen.query_one("#grid", Select)
        menu.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        footer = screen.query_one(KeyFooter).text
        assert "关闭菜单" in footer and "Dismiss" not in footer, footer
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen and not menu.expanded
        await pilot.press("enter", "down", "enter")
        await settle(app, pilot)
        village = str(menu.value)
        grids = grid_codes_under([village])
        assert len(grids) > 1  # a village and its grids
        expected = [
            v.code
            for v in Venue.select().where(Venue.grid.in_(grids)).order_by(Venue.code).limit(PAGE)
        ]
        assert codes(screen) == expected and 0 < len(expected) < Venue.select().count()


async def test_no_match_clears_the_line_about_the_venue_highlighted_before(
    demo_home: Path,
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_find(app, pilot)
        await settle(app, pilot)
        facts = screen.query_one("#find-facts", Static)
        assert str(facts.render()).strip(), "a highlighted venue is described"
        await pilot.press(*"npi", "enter")
        await settle(app, pilot)
        assert codes(screen) == []
        assert "No venue matches" in str(screen.query_one("#find-status", Static).render())
        assert str(facts.render()).strip() == ""
