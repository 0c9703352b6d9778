"""A table cell that holds a string shows that string.

Textual's DataTable reads a string cell as rich markup: a note, a venue's name or a
household's address holding "[/]" stopped the screen with a MarkupError, "[red]" or
"[b]" vanished and coloured the rest, and ":fire:" became an emoji. What fills our cells
is what people typed or the office imported, never markup, so `install()` makes a string
cell plain text, cut to its height as Textual's formatter cuts it. It also spares the
first frame rich's table of emoji names, which reading markup loads.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.widgets import _data_table

from fieldapp.tui.module_swap import swap_in

_textual_formatter = _data_table.default_cell_formatter


def plain_cell(obj: object, wrap: bool = True, height: int = 0) -> RenderableType:
    """Textual's cell formatter, with a string shown as the text it is."""
    if not isinstance(obj, str):
        return _textual_formatter(obj, wrap, height)
    if height:  # as Textual does: lines below the cell's height never show
        end = _data_table._find_newline(obj, height)
        if end != -1 and end != len(obj) - 1:
            obj = obj[:end]
    return Text(obj, no_wrap=not wrap, end="")


def install() -> bool:
    """Make DataTable format cells with `plain_cell`. False, and Textual's formatter kept,
    where its data table module differs from what this expects (8.2)."""
    return swap_in(
        _data_table, "default_cell_formatter", _textual_formatter, plain_cell, "_find_newline"
    )
