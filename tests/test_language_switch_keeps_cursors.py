"""F9 (the language) rebuilds each screen's tables, and their cursors went back to the
first row: on Home, Down×3, F9, Enter opened the first venue due; on the campaigns
(ctrl+k), Down to 春节禁燃, F9, then p acted on the first campaign. Each table's cursor
now stays on the row it was on (by the row's key), in both directions."""

from __future__ import annotations

from pathlib import Path

from inspect_support import pulled_campaign
from pilot_support import at_home, open_screen, settle

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.campaigns import CampaignsScreen
from fieldapp.tui.widgets.table import Table


async def _switch_keeps(app, pilot, table: Table) -> None:  # type: ignore[no-untyped-def]
    chosen = table.cursor_key()
    assert chosen is not None and table.cursor_row > 0
    row = table.cursor_row
    for _ in range(2):  # zh → en → zh
        await pilot.press("f9")
        await settle(app, pilot, rounds=3)
        (rebuilt,) = app.screen.query(f"#{table.id}").results(Table)
        assert rebuilt.cursor_key() == chosen and rebuilt.cursor_row == row


async def test_f9_keeps_the_cursor_on_the_venue_due_at_home(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        due = app.screen.query_one("#due", Table)
        assert due.row_count > 3
        due.focus()
        await pilot.press("home", "down", "down", "down")
        await _switch_keeps(app, pilot, due)


async def test_f9_keeps_the_cursor_on_the_campaign_chosen(demo_supervisor: Path) -> None:
    pulled_campaign("epidemic", active=False)  # as published by the demo's server
    pulled_campaign("spring_festival", active=False)
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
        table = screen.query_one("#campaigns-table", Table)
        assert table.row_count > 1
        table.focus()
        await pilot.press("down")
        await _switch_keeps(app, pilot, table)
