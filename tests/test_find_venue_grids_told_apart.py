"""The find-venue list (/) at 80×24 named the grid of a venue in 老渡口农贸市场第一网格
(LDK-0022 in a tester's demo) "第一网格", as it names any village's first grid, where
home's due list reads 老渡…第一网格: a grid too long for its column keeps the start of the
grid it is under, "…" and its own name whole, in both languages. Where the terminal has
room (120 columns), the grid's name is whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import settle
from rich.cells import cell_len
from test_find_venue import open_find, search_for

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.find_venue import VenueRow
from fieldapp.tui.widgets.table import GRID_CELLS


async def market_rows_shown(
    lang: str, size: tuple[int, int], query: str = "LDK-00"
) -> tuple[list[VenueRow], list[str]]:
    """Find venue (/) searched for a market's venues (LDK-00, or `query`): the rows in
    sight and the lines drawn for them."""
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        screen = await open_find(app, pilot)
        await search_for(app, pilot, screen, query)
        await settle(app, pilot, rounds=2)
        table = screen.query_one("#results")
        strips = screen._compositor.render_strips()
        rows = screen.rows[: table.region.height - 2]
        lines = [strips[table.region.y + 1 + n].text for n in range(len(rows))]
    return rows, lines


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_grid_of_a_market_reads_with_its_market(demo_home: Path, lang: str) -> None:
    rows, lines = await market_rows_shown(lang, (80, 24))
    rows_lines = zip(rows, lines, strict=True)
    long = [(row, line) for row, line in rows_lines if cell_len(row.grid) > GRID_CELLS]
    assert {row.grid for row, _ in long} >= {"老渡口农贸市场第一网格", "老渡口农贸市场第二网格"}
    for row, line in long:
        own = row.grid.removeprefix(row.grid_parent)
        assert row.grid_parent and own != row.grid, row
        shown = re.search(rf"(\S+)…{own}(\s|$)", line)
        assert shown and row.grid_parent.startswith(shown[1]), (row.grid, line)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_grid_of_a_market_reads_whole_where_there_is_room(
    demo_home: Path, lang: str
) -> None:
    """At 120 columns the list read 老渡…第一网格 beside a half-empty address column."""
    rows, lines = await market_rows_shown(lang, (120, 36))
    grids = {row.grid for row in rows}
    assert {"老渡口农贸市场第一网格", "老渡口农贸市场第二网格"} <= grids, grids
    for row, line in zip(rows, lines, strict=True):
        assert f" {row.grid} " in line, (row.grid, line)
        assert f" {row.name} " in line, line  # the venue's name whole beside it
