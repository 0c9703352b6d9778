"""Home's due list: its columns for a terminal's width, and a row's cells by column.

The rows are filled by the columns the table has, not by the width now: a resize while
another screen was on top reaches Home only when it comes back, and a reload's rows can
land before that (a row with the code for a table made without it raised ValueError).
"""

from __future__ import annotations

from fieldapp.i18n import t
from fieldapp.tui.views.due_list import DueRow
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.table import GRID_CELLS, Cut, GridName

# Under this many terminal columns the due list leaves the venue's code out: at 80 it
# took the room of the name, which is what a user reads (the code is in the venue's title
# once it is opened, and in the hazards pane).
DUE_CODE_FROM = 100
DUE_LABELS = {
    "bucket": "home.col.bucket",
    "due": "home.col.due",
    "code": "home.col.code",
    "kind": "home.col.kind",
    "grid": "home.col.grid",
    "name": "home.col.name",
}


def due_columns(width: int) -> tuple[str, ...]:
    # The name last: at 80 columns a long one is what is cut, not the kind or the grid.
    code = ("code",) if width >= DUE_CODE_FROM else ()
    return ("bucket", "due", *code, "kind", "grid", "name")


def add_due_columns(due: PagedTable, width: int) -> None:
    due.squeezed = ("name", "name")  # a long name ends with "…" at the pane's edge
    for key in due_columns(width):
        due.add_column(t(DUE_LABELS[key]), key=key)


def fit_due_columns(due: PagedTable, width: int) -> bool:
    """The due list's columns for a terminal `width` wide; True if they had to change (its
    rows are then to be shown again)."""
    shown = tuple(str(column.key.value) for column in due.ordered_columns)
    if not shown or shown == due_columns(width):  # none yet: the screen's mount makes them
        return False
    due.clear(columns=True)
    add_due_columns(due, width)
    return True


def fill_due(due: PagedTable, rows: tuple[DueRow, ...]) -> None:
    """The rows, each in the columns the table has."""
    due.clear()
    # Wide enough for the venue's code, the list has room for a grid's whole name.
    wide = any(column.key.value == "code" for column in due.ordered_columns)
    for row in rows:
        cells = {
            "bucket": t(f"bucket.{row.bucket}"),
            "due": row.due_on.isoformat() if row.due_on else t("home.never"),
            "code": row.code,
            "kind": t(f"kind_short.{row.kind}"),
            # read from its start: without the grid it is under where narrow (第一网格)
            "grid": GridName(row.grid, 0, row.grid_parent, 2 * GRID_CELLS if wide else GRID_CELLS),
            "name": Cut(row.name),  # cut with "…" where the pane ends
        }
        shown = (cells[str(column.key.value)] for column in due.ordered_columns)
        due.add_row(*shown, key=row.venue_id)  # type: ignore[arg-type]
