"""A pane's title followed by its chart's legend ("By village this month (%)  ■ done %  ■
reported %"), each entry of the legend kept on one line."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.visual import Visual
from textual.widgets import Label

from fieldapp.tui.kinsoku import wrap_offsets
from fieldapp.tui.phrases import PhraseBroken

MARK = "■"  # starts each entry of a legend


def legend_offsets(text: str, width: int) -> list[int]:
    """Where to end the lines of `text` in `width` cells: before a legend's entry (its
    "■"), as many entries on a line as fit; a title or an entry wider than a line is
    wrapped as every screen wraps it. At 120 columns the grids' chart title read "…(%)
    ■" / "done %  ■ reported %", the mark apart from what it stands for."""
    bounds = [i for i, c in enumerate(text) if c == MARK and i > 0] + [len(text)]
    breaks: list[int] = []
    start = 0
    while cell_len(text[start:].rstrip()) > width:
        fitting = [b for b in bounds if start < b < len(text)]
        fitting = [b for b in fitting if cell_len(text[start:b].rstrip()) <= width]
        if fitting:
            end = fitting[-1]
        else:
            folded = wrap_offsets(text[start:], width)
            if not folded or folded[0] <= 0:
                break
            end = start + folded[0]
        breaks.append(end)
        start = end
    return breaks


class LegendTitle(Label):
    """A title and a legend: a legend's entry is never broken inside (`legend_offsets`)."""

    def render(self) -> Visual:  # type: ignore[override]
        visual = self.visual
        return PhraseBroken(visual, legend_offsets) if isinstance(visual, Content) else visual
