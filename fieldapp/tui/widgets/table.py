"""The DataTable every screen uses: Textual's, with column widths that never go stale.

Textual measures a new row's cells on the next idle, but a frame drawn between `add_row`
and that idle caches its lines with the columns still as wide as their labels, and the
measuring does not invalidate that cache: under load the home screen kept showing
"Overdu  202  LDK-" until something else redrew it (seen as a failing home snapshot).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class Table(DataTable[str]):
    """A DataTable whose lines are drawn again once its new rows have been measured."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        widths = [column.content_width for column in self.ordered_columns]
        super()._update_dimensions(new_rows)
        if widths != [column.content_width for column in self.ordered_columns]:
            self._update_count += 1  # part of every render cache's key: those lines are stale
            self.refresh()
