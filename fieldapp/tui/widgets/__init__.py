"""Reusable widgets. They never touch the store: attributes down, messages up."""

from fieldapp.tui.widgets.paged_table import PagedTable
from fieldapp.tui.widgets.status_bar import StatusBar

__all__ = ["PagedTable", "StatusBar"]
