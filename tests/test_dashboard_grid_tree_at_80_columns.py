"""The dashboard's completion tab (F6, fourth tab) at 80x24 keeps the grid tree readable.
Cut from the left to fit, a grid's name lost its indent and start: 鼎美村第一网格 read
"…村第一网格" at a village's indent, and 老渡口农贸市场 "…渡口农贸市场" a cell out of line.
Now every row keeps two cells of indent a level and reads from the start of its name
(a grid under another without that one's name: 第一网格), cut on the right with "…".
At 80 columns every village's first grid then read 第一网格, told apart only by a village
row above that may be scrolled away: a sub-grid read 东·第一… (its village's start), and
now, as the chart's lines, each row leads with its code, whole: DY-1 第…, DY 东瑶村.
In English every sub-grid read "第一…", "第二…" (rows under a village alike): the table
indents one cell a level and its scrollbar is one cell wide. Past the daily report's deadline the today column said "Not filed, late" and
the sub-grids read "第一网…" again: it says "Past due", as wide as "Not filed". The test
runs before and after the deadline (`report_hour`), not at the hour the suite runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, settle
from report_hours import report_hour  # noqa: F401 (a fixture)
from rich.cells import cell_len
from textual.widgets import TabbedContent
from textual.widgets.data_table import ColumnKey

from fieldapp.tui.app import make_app
from fieldapp.tui.views.rounds import rate_text


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_grid_names_keep_their_indent_and_start(
    report_hour: str,  # noqa: F811
    demo_supervisor: Path,
    lang: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        for _ in range(3):
            await pilot.press("right")
        await settle(app, pilot)
        screen = app.screen
        assert screen.query_one(TabbedContent).active == "tab-grids"
        data = screen.data
        assert data is not None
        table = screen.query_one("#grids-table")
        x, y = table.region.x, table.region.y
        name_width = table.columns[ColumnKey("grid")].get_render_width(table)
        rate_width = table.columns[ColumnKey("completion")].get_render_width(table)
        strips = screen._compositor.render_strips()[y + 1 : table.region.bottom - 1]
    names = {g.code: g.name for g in data.grids}
    assert len(strips) >= 10
    sub_grids: list[str] = []
    for grid, strip in zip(data.grids, strips, strict=False):
        parent = names.get(grid.code.rpartition("-")[0], "")
        own = grid.name.removeprefix(parent) if parent else grid.name
        cell = strip.crop(x, x + name_width).text
        assert cell_len(cell) == name_width, cell
        indent = 1 + grid.depth  # the cell's padding and one cell a level
        assert cell[:indent].strip() == "" and cell[indent] != " ", f"{grid.name}: {cell!r}"
        shown = cell.strip()
        # Led by its code, whole (DM-1 of T01-DM-1), then its own name from its start.
        code, space, mine = shown.partition(" ")
        assert code == (grid.code.partition("-")[2] or grid.code) and space, cell
        assert mine == own or (mine.endswith("…") and own.startswith(mine[:-1])), cell
        if grid.depth >= 2:
            sub_grids.append(shown)
        # The next column starts where its header does, whatever the name's characters.
        rate = strip.crop(x + name_width, x + name_width + rate_width).text
        assert rate.strip() == rate_text(grid.rate), strip.text
    # Each village's 第一网格 is told from the others' by its code, the village's row
    # above scrolled away or not
    assert len(sub_grids) >= 6 and len(set(sub_grids)) == len(sub_grids), sub_grids
