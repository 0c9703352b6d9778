"""Home's unfinished inspections (drafts): when each was started, the venue, and the item
it stopped at where the screen is wide enough to show that code whole.

Empty, the table takes no focus: there is nothing on it to move to or open, and Tab
stopped on it invisibly (due list → empty table → hazards), as did the focus it kept when
the last draft was finished from it. The screen moves that focus on (`lost_its_rows`).
"""

from __future__ import annotations

from fieldapp.i18n import t
from fieldapp.tui.views.home import DraftRow
from fieldapp.tui.widgets.table import Cut, Table

DRAFT_ITEM_FROM = 90  # the drafts' "at item" column: narrower, no room for COM-12 whole


class DraftsTable(Table):
    squeezed_min = 8

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.drafts: tuple[DraftRow, ...] = ()

    def allow_focus(self) -> bool:
        return super().allow_focus() and self.row_count > 0

    @property
    def lost_its_rows(self) -> bool:
        """Focused and empty: the focus belongs somewhere else."""
        return self.has_focus and not self.row_count

    def fit(self, width: int) -> None:
        """The columns a screen `width` wide has room for (the rows again if they change)."""
        if len(self.columns) == (3 if width >= DRAFT_ITEM_FROM else 2):
            return
        self.clear(columns=True)
        # First, as the findings' deadline: at 80 columns a long name pushed it out.
        self.add_column(t("home.col.started"), key="started")
        self.add_column(t("home.col.name"), key="venue")
        last = "item" if width >= DRAFT_ITEM_FROM else "venue"
        if last == "item":  # whole or not at all: "C" says nothing
            self.add_column(t("home.col.item"), key="item")  # the name cut before it
        self.squeezed = ("venue", last)
        self.show(self.drafts)

    def show(self, rows: tuple[DraftRow, ...]) -> None:
        self.drafts = rows
        self.clear()
        for row in rows:
            cells = (row.started, Cut(row.venue), row.current_item)[: len(self.columns)]
            self.add_row(*cells, key=row.inspection_id)  # type: ignore[arg-type]
