"""The daily report's grid list (F8): each grid's line fitted to the list's width.

The lines are fitted again whenever the list itself changes width, not only the screen: the
key panel (F1) narrows the list within an unchanged screen, and names fitted for the wider
list were cut again by the list's own ellipsis ("[未报] …" for every area). The vertical
scrollbar a long list gets is counted before it shows (English at 80 columns read
"鼎美村第一网…", fitted for two cells more than it had).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets.option_list import Option

from fieldapp.i18n import t
from fieldapp.tui.views.report_lines import GridLine, grid_option
from fieldapp.tui.widgets.stopping_lists import StoppingOptionList
from fieldapp.tui.widgets.table import cut, grid_name_apart, grid_parents

# The cells a grid's own part keeps ("第一…", what tells two areas of a village apart)
# before the list's indent narrows from two cells a level to one, then to none.
OWN_KEPT = 5


def fitted_grid_line(line: GridLine, parent: str, cells: int, step: int = 2) -> Text:
    """The grid's line in `cells`, indented `step` cells a level: a name too long keeps
    what start of the grid it is under fits, then its own part (老渡口农贸市…第一网格), as
    home's due list does; with no room for that, its own part alone (第一网格 under
    老渡口农贸市场), cut at its end (第一…) where even that is too long. Where the state's
    words leave the name less than `OWN_KEPT` cells, they are cut instead ("[Not…] 第一…")."""
    head = grid_option(line.depth, "", line.state, step).cell_len
    said = ""
    if cells - head < OWN_KEPT:  # the state's words give way: "[Not…] 第一…", not "[Not filed]…"
        words = t(f"report.status.{line.state}")
        said = cut(words, max(1, cell_len(words) - (OWN_KEPT - (cells - head))))
        head = grid_option(line.depth, "", line.state, step, said).cell_len
    name = grid_name_apart(line.name, parent, max(1, cells - head))
    return grid_option(line.depth, name, line.state, step, said)


def fitted_grid_lines(lines: Sequence[GridLine], cells: int) -> list[Text]:
    """Every grid's line in `cells`, with one indent for the whole list: two cells a level
    where the deepest line keeps `OWN_KEPT` cells of its name, else one, else none."""
    deepest = max((line.depth for line in lines), default=0)
    state = max((grid_option(0, "", line.state).cell_len for line in lines), default=0)
    step = next((s for s in (2, 1) if cells - s * deepest - state >= OWN_KEPT), 0)
    parents = grid_parents((line.name, line.depth) for line in lines)
    return [
        fitted_grid_line(line, parent, cells, step)
        for line, parent in zip(lines, parents, strict=True)
    ]


class GridOptionList(StoppingOptionList):
    """The grid list: `show` its lines, fitted to its width now and on every resize."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: tuple[GridLine, ...] = ()

    def show(self, lines: tuple[GridLine, ...]) -> None:
        self.lines = lines
        highlighted = self.highlighted
        self.clear_options()
        prompts = fitted_grid_lines(lines, self.room())
        self.add_options(
            [Option(prompt, id=line.code) for line, prompt in zip(lines, prompts, strict=True)]
        )
        if highlighted is not None and lines:
            self.highlighted = min(highlighted, len(lines) - 1)

    def room(self) -> int:
        """The cells a line has: the list's padding is outside this region already
        (taking 2 more cut 老渡口农贸市场第一网格 at 120 columns, where it fits), and a
        scrollbar yet to come for more lines than the list shows takes its width."""
        padding = self.get_component_styles("option-list--option").padding.width
        region = self.scrollable_content_region
        coming = not self.show_vertical_scrollbar and len(self.lines) > region.height
        return region.width - padding - (self.styles.scrollbar_size_vertical if coming else 0)

    def on_resize(self, event: events.Resize) -> None:
        shown = [str(self.get_option_at_index(n).prompt) for n in range(self.option_count)]
        if shown != [str(line) for line in fitted_grid_lines(self.lines, self.room())]:
            self.show(self.lines)  # another width: the names cut again
