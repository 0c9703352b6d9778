"""The people screen's (F11) keyboard: the search has the focus on every opening, so a name
typed at once is searched (typing "wang" on the list opened 登记人员: `a` adds a person);
Down (shown in the footer) goes to the list, whose keys then act and are shown, `/` back
to the search, Esc to the list; a search that finds nobody says so instead of inviting a
first registration, and its counts in the title bar as search results."""

from __future__ import annotations

from pathlib import Path

from people_support import key_behind_pin
from pilot_support import SIZE, footer_keys_seen, open_screen, settle
from textual.widgets import DataTable, Input, Static

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.people import PeopleScreen


async def test_slash_searches_esc_returns_to_the_list_and_no_match_says_so(
    demo_home: Path,
) -> None:
    key_behind_pin()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for opening in (1, 2):
            screen = await open_screen(app, pilot, "f11", PeopleScreen)
            table = screen.query_one("#people-table", DataTable)
            search = screen.query_one("#people-search", Input)
            assert app.focused is search, opening
            assert "screen.focus_list" in footer_keys_seen(screen), opening
            await pilot.press(*"wang")  # letters type here, they open nothing
            await settle(app, pilot)
            assert app.screen is screen and search.value == "wang", app.screen
            await pilot.press("down")
            await settle(app, pilot)
            assert app.focused is table, opening
            seen = footer_keys_seen(screen)
            assert {"new_household", "add_person", "focus_search"} <= set(seen), seen
            await pilot.press("slash")
            assert app.focused is search, opening
            search.value = ""
            await pilot.press(*"无此人", "q")
            await settle(app, pilot, rounds=2)
            assert app.screen is screen and search.value == "无此人q"
            box = str(screen.query_one("#people-household", Static).render())
            assert box == "没有与“无此人q”匹配的人员：请换个词搜索，或清空搜索框", box
            assert screen.sub_title == "人员台账 · 搜索结果 · 共 0 人 · 0 户"  # not "no one here"
            await pilot.press("escape")  # out of the search, not off the screen
            await settle(app, pilot)
            assert app.screen is screen and app.focused is table
            await pilot.press("escape")
            await settle(app, pilot)
            assert app.screen is not screen
