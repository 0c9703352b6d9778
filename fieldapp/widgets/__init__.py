"""Reusable widgets. They never touch the store: attributes down, messages up."""

from fieldapp.widgets.paged_table import PagedTable
from fieldapp.widgets.status_bar import StatusBar

__all__ = ["PagedTable", "StatusBar"]
