"""A footer that lays its keys out in two rows, for screens with many actions.

Textual's Footer is one row; past ~12 keys the rest scroll out of sight. This one puts
the keys in a grid of two rows (columns as wide as their widest key), so every key of a
busy screen stays visible at 120 columns.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer


class TwoRowFooter(Footer):
    DEFAULT_CSS = """
    TwoRowFooter {
        layout: grid;
        grid-rows: 1;
        grid-columns: auto;
        height: 2;
    }
    """

    ROWS = 2

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        yield from keys
        in_grid = sum(1 for key in keys if not key.has_class("-command-palette"))
        self.styles.grid_size_columns = max(1, -(-in_grid // self.ROWS))
