"""A table cell of one line is drawn without rich's padding and wrapping (`cell_lines`),
and reads on screen exactly as rich draws it: the same segments in the same styles,
beside the cursor and away from it, headings and rows, in columns wide and narrow. Cells
that need rich (a text wider than its column, a tab, a row two lines high) are drawn by
rich as before."""

from __future__ import annotations

from typing import Any

import pytest
from rich.padding import Padding
from rich.text import Text
from textual.app import App, ComposeResult
from textual.renderables.styled import Styled
from textual.strip import Strip
from textual.widgets import _data_table

from fieldapp.tui import cell_lines, plain_cells
from fieldapp.tui.widgets.table import Cut, GridName, Table
from fieldapp.tui.widgets.venue_names import VenueName

ONE_LINE = [
    ("XZ-0004", "惠民大排档", VenueName("老渡口农贸市场·德顺服装店(示例)"), 7),
    (
        "",
        Cut("湘洲小区农贸市场第一网格", after=" (FW)"),
        GridName("鼎美村第一网格", 1, "鼎美村"),
        0,
    ),
    (Text("逾期", style="bold red", no_wrap=True), Text.assemble(("红", "red"), "字"), "  ", 3.5),
]
NEEDS_RICH = [("制表\t符", "a\tb", "鼎美村·惠民大排档(示例)", "宽字符宽字符宽字符")]


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Table(id="cells", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(Table)
        for label, width in (("代码", 8), ("Venue name", 14), ("网格", 12), ("n", 4)):
            table.add_column(label, width=width)
        for row in ONE_LINE + NEEDS_RICH:
            table.add_row(*row)
        table.add_row("两行高", "row of two lines", "高", 1, height=2)


def drawn(table: Table) -> list[Strip]:
    table._clear_caches()  # noqa: SLF001 - every cell drawn afresh
    return [table.render_line(y) for y in range(table.size.height)]


@pytest.fixture(autouse=True)
def installed() -> None:
    plain_cells.install()
    assert cell_lines.install()


@pytest.mark.parametrize("cursor", [0, 2, 4])
async def test_cells_drawn_directly_are_what_rich_draws(
    monkeypatch: pytest.MonkeyPatch, cursor: int
) -> None:
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(Table)
        table.move_cursor(row=cursor)
        await pilot.pause()
        direct = drawn(table)
        monkeypatch.setattr(_data_table, "Styled", Styled)  # Textual's own: rich draws all
        by_rich = drawn(table)
    assert [strip.text for strip in direct] == [strip.text for strip in by_rich]
    assert direct == by_rich  # segment for segment, style for style


async def test_only_cells_that_need_rich_are_laid_out_by_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    laid_out: list[str] = []
    rich_padding = Padding.__rich_console__

    def noting(self: Padding, *args: Any) -> Any:
        laid_out.append(str(self.renderable))
        return rich_padding(self, *args)

    app = TableApp()
    async with app.run_test(size=(60, 12)):
        table = app.query_one(Table)
        monkeypatch.setattr(Padding, "__rich_console__", noting)
        drawn(table)
    one_line = {str(cell) for row in ONE_LINE for cell in row} | {"代码", "Venue name"}
    assert one_line.isdisjoint(laid_out)
    assert {"a\tb", "鼎美村·惠民大排档(示例)", "宽字符宽字符宽字符", "两行高"} <= set(laid_out)
