"""An 80×24 terminal, the smallest a field laptop's console is set to: home shows venues,
the review queue ten findings, every state and mark whole, dialogs their buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from rich.cells import cell_len
from textual.widgets import Button, DataTable

from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs import PresenceDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.review import ReviewScreen

SMALL = (80, 24)


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    set_language(request.param)
    yield request.param
    set_language("zh")


def visible_rows(table: DataTable[str]) -> int:
    """Rows of `table` a person sees at once (below its header, above any scrollbar)."""
    room = table.scrollable_content_region.height - (
        table.header_height if table.show_header else 0
    )
    return min(table.row_count, room)


def cut_cells(table: DataTable[str], column: str) -> list[str]:
    """The cells of `column` wider than the column shows."""
    index = table.get_column_index(column)
    width = table.ordered_columns[index].get_render_width(table) - 2 * table.cell_padding
    cells = [str(table.get_cell_at((n, index))) for n in range(table.row_count)]
    return [cell for cell in cells if cell_len(cell) > width]


def buttons_on_screen(app: FieldApp) -> list[str]:
    """The labels of the buttons a person sees (the widget under each button's middle)."""
    seen = []
    for button in app.screen.query(Button):
        region = button.region
        if not region.width:
            continue
        try:
            under, _ = app.screen.get_widget_at(region.x + region.width // 2, region.y + 1)
        except Exception:  # noqa: BLE001 - outside the screen: not seen
            continue
        if under is button:
            seen.append(str(button.label))
    return seen


async def test_home_shows_venues(demo_home: Path, lang: str) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        assert visible_rows(app.screen.query_one("#due", DataTable)) >= 5


async def test_review_queue_shows_ten_findings_whole(demo_home: Path, lang: str) -> None:
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("6")  # every finding not closed
        await settle(app, pilot, rounds=2)
        table = app.screen.query_one("#review-table", DataTable)
        assert table.row_count >= 10
        assert visible_rows(table) >= 10
        cells = [str(table.get_cell_at((n, 1))) for n in range(table.row_count)]
        assert any(cell.endswith(("逾期", "overdue")) for cell in cells)  # the mark, whole
        for column in ("deadline", "severity", "state"):
            assert cut_cells(table, column) == [], column
        # ...and in sight without scrolling sideways, in 80 columns.
        upto = table.get_column_index("severity") + 1
        right = sum(c.get_render_width(table) for c in table.ordered_columns[:upto])
        assert right <= table.scrollable_content_region.width


async def test_presence_dialog_buttons_are_visible(demo_home: Path, lang: str) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("enter")  # the first due venue: why no placard was scanned
        await settle(app, pilot)
        assert isinstance(app.screen, PresenceDialog)
        assert len(buttons_on_screen(app)) == 2
