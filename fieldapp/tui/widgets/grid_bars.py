"""A chart of two percentages per grid, one line a grid, each line led by the grid's code
and name: "DM 鼎美村 ▀▀▀▀▀▄▄". plotext labelled its bars by code alone, on the edge
between a grid's two bars, so which bar was whose had to be guessed.

Both series share a line: the upper half of a cell is the first, the lower half the
second, each in its colour, so a grid's two bars are never apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from fieldapp.tui.views.cells import cut

NAME_MOST = 8  # cells of a name before it is cut: 老渡口农贸市场 reads 老渡口…
SCALE_END = "100%"


@dataclass(frozen=True, slots=True)
class GridBar:
    code: str  # the grid's own part of its code (DM of T01-DM)
    name: str
    upper: int  # percent, 0-100
    lower: int


def bar_cells(upper: int, lower: int, width: int, colours: tuple[str, str]) -> Text:
    """`width` cells, the upper halves filled to `upper` %, the lower to `lower` %."""
    top, bottom = (round(min(max(p, 0), 100) * width / 100) for p in (upper, lower))
    text = Text()
    for i in range(width):
        if i < top and i < bottom:
            text.append("▀", style=f"{colours[0]} on {colours[1]}")
        elif i < top:
            text.append("▀", style=colours[0])
        elif i < bottom:
            text.append("▄", style=colours[1])
        else:
            text.append(" ")
    return text


def grid_bars(bars: Sequence[GridBar], width: int, colours: tuple[str, str]) -> Text:
    """Each grid a line: its code, its name (cut with "…" past `NAME_MOST` cells or what
    the width leaves), and its bars; under them the scale, 0 to 100 %."""
    code_w = max((cell_len(b.code) for b in bars), default=0)
    name_w = min(NAME_MOST, max((cell_len(b.name) for b in bars), default=0))
    name_w = max(2, min(name_w, width - code_w - 2 - 6))
    name_w = max((cell_len(cut(b.name, name_w)) for b in bars), default=name_w)
    bar_w = max(1, width - code_w - name_w - 2)
    lines = Text()
    for bar in bars:
        name = cut(bar.name, name_w)
        lines.append(bar.code + " " * (code_w - cell_len(bar.code) + 1), style="bold")
        lines.append(name + " " * (name_w - cell_len(name) + 1))
        lines.append_text(bar_cells(bar.upper, bar.lower, bar_w, colours))
        lines.append("\n")
    scale = "0" + " " * max(1, bar_w - 1 - len(SCALE_END)) + SCALE_END
    lines.append(" " * (code_w + name_w + 2) + scale, style="dim")
    return lines


class GridBars(Widget):
    """`grid_bars` drawn at the widget's width."""

    DEFAULT_CSS = "GridBars { height: 1fr; }"

    def __init__(self, colours: tuple[str, str], **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.colours = colours
        self.bars: tuple[GridBar, ...] = ()

    def show(self, bars: Iterable[GridBar]) -> None:
        self.bars = tuple(bars)
        self.refresh()

    def render(self) -> Text:
        return grid_bars(self.bars, self.size.width, self.colours)
