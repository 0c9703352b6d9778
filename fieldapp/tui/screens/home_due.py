"""Home's due list: its columns for a terminal's width, and a row's cells by column.

Narrower than `DUE_WIDE_FROM` the list still shows the venue's code (what F2 takes) and
gives the name its room by leaving the status out: the due date says it, "11-19 ⚠" when
overdue as the hazards' deadlines do, "11-19" within half a year of today. A grid's name
too long for its column keeps the start of the grid it is under (老渡…第一网格): cut to
第一网格, the grids of two villages read alike.

From `KIND_WHOLE_FROM` columns a kind's short name cut to fit a narrow column (an office's
kind without one: "Foot-massag…") is shown by its whole name instead, the list having room
for it ("Foot-massage parlour"); the column's key is then `kind_whole`.

The rows are filled by the columns the table has, not by the width now: a resize while
another screen was on top reaches Home only when it comes back, and a reload's rows can
land before that (a row with the code for a table made without it raised ValueError).
"""

from __future__ import annotations

from fieldapp.domain.text_bounds import narrowed
from fieldapp.i18n import t
from fieldapp.tui.views.due_list import DueRow
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.table import GRID_CELLS, GridName, grid_name_apart
from fieldapp.tui.widgets.venue_names import VenueName

# From this many terminal columns the due list has its status column, whole dates and
# grids' whole names; under it, the columns of `NARROW` (the columns are chosen again on
# each resize, `fit_due_columns`).
DUE_WIDE_FROM = 100
WIDE = ("bucket", "due", "code", "kind", "grid", "name")
# A kind's whole name takes up to KIND_WHOLE_CELLS (an English one is at most 30 characters
# on import); from 130 columns the venue's name still has about 38 beside it.
KIND_WHOLE_FROM = 130
WIDEST = ("bucket", "due", "code", "kind_whole", "grid", "name")
KIND_WHOLE_CELLS = 30
NARROW = ("due", "code", "kind", "grid", "name")
# Under this many columns the list leaves the kind out too, and the name gives up width
# down to `NAME_MIN`: at 60 columns it was cut bare at "鼎美村·", past the pane's edge.
DUE_KIND_FROM = 70
NARROWEST = ("due", "code", "grid", "name")
NAME_MIN = 8
DUE_LABELS = {
    "bucket": "home.col.bucket",
    "due": "home.col.due",
    "code": "home.col.code",
    "kind": "home.col.kind",
    "kind_whole": "home.col.kind",
    "grid": "home.col.grid",
    "name": "home.col.name",
}


def due_columns(width: int) -> tuple[str, ...]:
    # The name last: at 80 columns a long one is what is cut, not the kind or the grid.
    if width < DUE_KIND_FROM:
        return NARROWEST
    if width >= KIND_WHOLE_FROM:
        return WIDEST
    return WIDE if width >= DUE_WIDE_FROM else NARROW


def add_due_columns(due: PagedTable, width: int) -> None:
    due.squeezed = ("name", "name")  # a long name ends with "…" at the pane's edge
    due.squeezed_min = NAME_MIN if width < DUE_KIND_FROM else PagedTable.squeezed_min
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
    # With its status column, the list has room for dates and grids' names whole.
    wide = any(column.key.value == "bucket" for column in due.ordered_columns)
    for row in rows:
        cells = {
            "bucket": t(f"bucket.{row.bucket}"),
            "due": due_cell(row, wide),
            "code": row.code,
            "kind": t(f"kind_short.{row.kind}"),
            "kind_whole": kind_whole(row.kind),
            "grid": (
                GridName(row.grid, 0, row.grid_parent, 2 * GRID_CELLS)
                if wide
                else grid_name_apart(row.grid, row.grid_parent, GRID_CELLS)
            ),
            "name": VenueName(row.name),  # its own part kept where the pane ends
        }
        shown = (cells[str(column.key.value)] for column in due.ordered_columns)
        due.add_row(*shown, key=row.venue_id)  # type: ignore[arg-type]


def kind_whole(kind: str) -> str:
    """The kind's short name, or its whole name when the short one had to be cut."""
    short = t(f"kind_short.{kind}")
    if not short.endswith("…"):
        return short
    return narrowed(t(f"kind.{kind}"), KIND_WHOLE_CELLS)


def due_cell(row: DueRow, wide: bool) -> str:
    """The due date: whole beside the status, else brief and marked when overdue."""
    if row.due_on is None:
        return t("home.never")
    if wide:
        return row.due_on.isoformat()
    brief = row.due_brief or row.due_on.isoformat()
    return f"{brief} {t('home.overdue_mark')}" if row.bucket == "overdue" else brief
