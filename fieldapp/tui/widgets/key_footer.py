"""A footer that wraps its keys onto as many rows as they need (up to four).

Textual's Footer is one row; past ~12 keys (the screen's and the app's: F2 scan, F5
review, F7 rounds, F12 sync…) the rest scroll out of sight. This one lays the same keys
out in a grid (columns as wide as their widest key) with the fewest rows that fit the
terminal's width, so every key stays visible. Every screen and dialog uses it; it lays
itself out again when the keys change (Footer recomposes) or the terminal is resized.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

MAX_ROWS = 4
PALETTE_WIDTH = 14  # the command-palette key docked on the right


class KeyFooter(Footer):
    DEFAULT_CSS = """
    KeyFooter {
        layout: grid;
        grid-rows: 1;
        grid-columns: auto;
        grid-gutter: 0 0;
        height: 1;
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._laid_out_for: tuple[int, ...] = ()

    def compose(self) -> ComposeResult:
        yield from super().compose()
        cells = self._cell_widths()
        widths = self._columns(cells, self.app.size.width)
        self._laid_out_for = tuple(widths)
        self.styles.grid_size_columns = len(widths)
        self.styles.grid_columns = " ".join(str(w) for w in widths)
        self.styles.height = -(-len(cells) // len(widths)) if cells else 1

    @staticmethod
    def _columns(cells: list[int], width: int) -> list[int]:
        return fit(cells, max(20, width - PALETTE_WIDTH))

    def on_resize(self, event: events.Resize) -> None:
        # A wider or narrower terminal may need fewer or more rows; recompose only then
        # (a change of height alone, which the recompose itself causes, changes nothing).
        if not self._bindings_ready:
            return
        widths = tuple(self._columns(self._cell_widths(), self.app.size.width))
        if widths != self._laid_out_for:
            self.call_after_refresh(self.recompose)

    def _cell_widths(self) -> list[int]:
        """The width of each grid cell, in the order Footer.compose yields them."""
        by_action: defaultdict[str, list[Binding]] = defaultdict(list)
        for _, binding, _, _ in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append(binding)
        widths: list[int] = []
        for group, members in groupby(by_action.values(), lambda b: b[0].group):
            items = list(members)
            if group is not None and len(items) > 1:
                keys = sum(cell_len(self.app.get_key_display(b[0])) for b in items)
                widths.append(keys + len(items) + 1)  # the keys side by side in one group
                widths.append(cell_len(group.description) + 1)
            else:
                for b in items:
                    key = cell_len(self.app.get_key_display(b[0]))
                    widths.append(key + 1 + cell_len(b[0].description) + 2)
        return widths


def fit(cells: list[int], width: int) -> list[int]:
    """The column widths of the fewest rows (up to MAX_ROWS) whose columns fit `width`."""
    if not cells:
        return [1]
    widest: list[int] = []
    for rows in range(1, MAX_ROWS + 1):
        columns = -(-len(cells) // rows)
        widest = [0] * columns
        for n, cell in enumerate(cells):
            widest[n % columns] = max(widest[n % columns], cell)
        if sum(widest) <= width:
            break
    return widest
