"""A DataTable holding one page of a long list; PageUp/PageDown ask for another page.

The table never holds more than a page (a DataTable of 100,000 rows takes seconds to
mount): the screen that owns it loads pages from the store and answers `PageRequested`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.message import Message
from textual.widgets import DataTable

from fieldapp.tui.widgets.table import Table


def widest(*texts: str) -> int:
    """The cells the widest of `texts` takes (a CJK character takes two), for a column that
    must show each of them whole: a state, a severity, a deadline with its overdue mark."""
    return max((cell_len(text) for text in texts), default=1)


class PagedTable(Table):
    """Row cursor over one page. PageDown/PageUp post `PageRequested(+1/-1)`."""

    @dataclass
    class PageRequested(Message):
        table: PagedTable
        step: int  # +1 next page, -1 previous page

        @property
        def control(self) -> PagedTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)

    def action_page_down(self) -> None:
        self.post_message(self.PageRequested(self, +1))

    def action_page_up(self) -> None:
        self.post_message(self.PageRequested(self, -1))

    @property
    def selected_key(self) -> str | None:
        """The key of the row under the cursor, or None for an empty table."""
        return selected_key(self)


def selected_key(table: DataTable) -> str | None:  # type: ignore[type-arg]
    """The key of the row under a table's cursor, or None for an empty table."""
    if not table.row_count:
        return None
    row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
    return None if row_key.value is None else str(row_key.value)
