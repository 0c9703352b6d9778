"""The review queue (F5) at 80x24 shows every column it has with its header whole and
nothing to scroll to sideways: the item, who found the hazard and when were out of sight
past the venue, in both languages. Where there is no room for them they are left out
(the detail below says them), the venue's name is cut with "…", and at 120 columns
every column is there. The item stays at 80 columns in English too: without it two
hazards of one venue read alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_dashboard_headers_fit import header_line

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.widgets import PagedTable

ALL = ["deadline", "state", "severity", "code", "venue", "item", "inspector", "found"]


@pytest.mark.parametrize(
    ("lang", "size", "columns"),
    [
        ("zh", (80, 24), ALL[:6]),
        ("en", (80, 24), ALL[:6]),
        ("zh", (120, 36), ALL),
        ("en", (120, 36), ALL),
    ],
)
async def test_every_column_of_the_queue_is_seen_with_its_header(
    demo_supervisor: Path, lang: str, size: tuple[int, int], columns: list[str]
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await open_screen(app, pilot, "f5", ReviewScreen)
        await pilot.press("6")  # the active hazards: a page of rows
        await settle(app, pilot, rounds=2)
        table = app.screen.query_one("#review-table", PagedTable)
        assert table.row_count
        line = header_line(app, "#review-table")
        shown = [str(column.key.value) for column in table.ordered_columns]
        assert table.max_scroll_x == 0, line  # nothing out of sight to the right
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
    assert shown == ["mark", *columns], shown
    headings = [t(f"review_ui.col.{key}") for key in columns]
    assert all(f" {heading} " in f"{line} " for heading in headings), line
    assert all(len(row) == len(shown) for row in rows)


async def test_a_narrower_terminal_takes_columns_away_and_a_wider_one_back(
    demo_supervisor: Path,
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(app, pilot, "f5", ReviewScreen)
        await pilot.press("6")
        await settle(app, pilot, rounds=2)
        table = app.screen.query_one("#review-table", PagedTable)
        await pilot.press("down", "down")
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot, rounds=2)
        assert table.max_scroll_x == 0 and len(table.ordered_columns) == 7
        assert table.cursor_row == 2  # the row the supervisor was on stays chosen
        await pilot.resize_terminal(120, 36)
        await settle(app, pilot, rounds=2)
        assert len(table.ordered_columns) == 9 and table.row_count
        assert table.cursor_row == 2
