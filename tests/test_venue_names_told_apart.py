"""Venues of one long place read alike at 80 columns: find venue (/) searched for "deshun"
showed three rows of "湘洲小区农贸市场·德…" (XZ-0004, XZ-0005, XZ-0009 in a tester's demo),
the part after the place cut away. A venue's name is now cut in its place (湘…·德顺五金店(示例)), its own
part kept, in every list of venues (`venue_name_in`), in both languages; where it fits,
as at 120 columns, it is whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from test_find_venue_grids_told_apart import market_rows_shown

from fieldapp.tui.screens.find_venue import VenueRow
from fieldapp.tui.widgets.venue_names import venue_name_in


async def market_rows(lang: str, size: tuple[int, int]) -> list[tuple[VenueRow, str]]:
    """Find venue searched for the venues of 湘洲小区农贸市场 (XZ-00): each row in sight and
    its drawn name cell."""
    rows, lines = await market_rows_shown(lang, size, "XZ-00")
    # A line's cells are apart by two spaces or more; the name is the one after the code.
    cells = [re.split(r"\s{2,}", line.strip()) for line in lines]
    assert all(cell[0] == row.code for cell, row in zip(cells, rows, strict=True)), lines
    return [(row, cell[1]) for row, cell in zip(rows, cells, strict=True)]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_venues_of_one_market_read_apart_at_80_columns(demo_home: Path, lang: str) -> None:
    shown = await market_rows(lang, (80, 24))
    assert len(shown) >= 3 and all(row.name.startswith("湘洲小区农贸市场·") for row, _ in shown)
    names = [name for _, name in shown]
    assert len(set(names)) == len({row.name for row, _ in shown}), names
    for row, name in shown:
        own = row.name.partition("·")[2]
        assert name.endswith("·" + own) and name != row.name, (row.name, name)
        assert row.name.startswith(name.partition("…")[0]), (row.name, name)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_venue_names_whole_at_120_columns(demo_home: Path, lang: str) -> None:
    shown = await market_rows(lang, (120, 36))
    assert [name for _, name in shown] == [row.name for row, _ in shown]


MARKET_VENUES = ("湘洲小区农贸市场·德顺五金店(示例)", "湘洲小区农贸市场·德顺百货店(示例)")


@pytest.mark.parametrize("cells", range(8, 33))
def test_a_venue_name_keeps_its_own_part(cells: int) -> None:
    """Cut to any width from home's narrowest (8 cells) up, two venues of one market never
    read alike, and the name is never wider than its room."""
    fitted = [venue_name_in(name, cells) for name in MARKET_VENUES]
    assert fitted[0] != fitted[1], fitted
    assert all(cell_len(name) <= cells for name in fitted), fitted
    own = MARKET_VENUES[0].partition("·")[2]
    if cell_len(own) + 1 < cells:  # "…" and the venue's own part have room: it is whole
        assert fitted[0].endswith(own), fitted
