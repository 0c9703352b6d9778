"""A table's cursor kept on its row by the row's key while the table is filled again: F9
(the language) rebuilds each screen's tables, and a table filled afresh (often in a worker,
after the rebuild) put its cursor on the first row, so Enter or a key then acted on that
row instead of the one the person had chosen."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist, RowKey


class CursorKept(DataTable[Any]):
    """Mixed into `Table`: `cursor_key()` names the row under the cursor, and
    `put_cursor_on(key)` brings the cursor back to that row, now or once the rows come."""

    _cursor_wanted: str | None = None  # the key of the row the cursor goes back to
    _cursor_back_due = False

    def cursor_key(self) -> str | None:
        """The key of the row under a row cursor; None with no rows or no row cursor."""
        if self.cursor_type != "row" or not self.row_count:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except CellDoesNotExist:
            return None

    def put_cursor_on(self, key: str) -> None:
        """The cursor on the row of `key` once this table is drawn with its rows (after
        what fills it has put the cursor where it starts); forgotten once the table is
        filled without that row."""
        self._cursor_wanted = key
        self._cursor_back_soon()

    def add_row(
        self,
        *cells: Any,
        height: int | None = 1,
        key: str | None = None,
        label: Any = None,
    ) -> RowKey:
        row_key = super().add_row(*cells, height=height, key=key, label=label)
        if self._cursor_wanted is not None:
            self._cursor_back_soon()
        return row_key

    def _cursor_back_soon(self) -> None:
        if not self._cursor_back_due:
            self._cursor_back_due = True
            self.call_after_refresh(self._cursor_back)

    def _cursor_back(self) -> None:
        self._cursor_back_due = False
        wanted = self._cursor_wanted
        if wanted is None or not self.row_count:
            return  # not filled yet: its rows are still to come
        self._cursor_wanted = None
        try:
            row = self.get_row_index(wanted)
        except RowDoesNotExist:
            return
        self.move_cursor(row=row)
