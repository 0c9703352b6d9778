"""Home's lists when the terminal is resized while another screen is on top: Home sees
the new width only when it comes back, and its reload may land before that. The rows are
filled by the columns each table has, and the columns are made again for the new width
(at 120 columns the due list shows the status column, at 80 the due date says it)."""

from __future__ import annotations

from pathlib import Path

from patrol_screen_support import seed_patrol_store
from pilot_support import settle
from textual.widgets import DataTable

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.screens.patrols import PatrolsScreen


def columns(table: DataTable[object]) -> list[str]:
    return [str(column.key.value) for column in table.ordered_columns]


async def test_a_patrol_finished_after_a_resize_comes_back_to_home_with_the_status_column(
    home: Path,
) -> None:
    """80×24, ctrl+g, Enter (a patrol run), 120×36, a sync reloading Home below the run,
    F10 (结束巡逻), y, Esc: Home's reload raised ValueError (a row with the code for a table
    made without it); Home shows the status column once it is back."""
    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        home_screen = app.screen
        assert isinstance(home_screen, HomeScreen)
        due = home_screen.query_one("#due", DataTable)
        assert "bucket" not in columns(due)
        await pilot.press("ctrl+g")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, PatrolsScreen)
        await pilot.press("enter")  # a patrol run
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, PatrolRunScreen)
        await pilot.resize_terminal(120, 36)
        await settle(app, pilot)
        app._reload_home()  # as a sync does, whatever screen is on top
        await settle(app, pilot, rounds=2)
        assert due.row_count and len(due.get_row_at(0)) == len(due.ordered_columns)
        await pilot.press("f10")  # 结束巡逻, with every checkpoint left: asks first
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        await pilot.press("escape")  # from the patrols back to Home
        await settle(app, pilot, rounds=3)
        assert app.screen is home_screen
        assert columns(due) == ["bucket", "due", "code", "kind", "grid", "name"]
        assert due.row_count and len(due.get_row_at(0)) == 6
