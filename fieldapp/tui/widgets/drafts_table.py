"""Home's unfinished inspections (drafts): the venue, with the item it stopped at where the
screen is wide enough to show that code whole, and when it was started ("13:25" today,
else "12-05") where that leaves the name room too.

The name is what tells one draft from another, so it gets the room: at 80 columns the
pane beside the hazards is 26 cells, and the start ("12-06 13:25") left the name 9 of
them ("老渡口农…"); there the name is alone (22 cells). The start (in the resume dialog
too) comes back from `DRAFT_STARTED_FROM` columns, where the pane is its widest.

Empty, the table takes no focus: there is nothing on it to move to or open, and Tab
stopped on it invisibly (due list → empty table → hazards), as did the focus it kept when
the last draft was finished from it. The screen moves that focus on (`lost_its_rows`).
"""

from __future__ import annotations

from fieldapp.i18n import t
from fieldapp.tui.views.home import DraftRow
from fieldapp.tui.widgets.table import Table
from fieldapp.tui.widgets.venue_names import VenueName, venue_name_in

DRAFT_ITEM_FROM = 90  # the drafts' "at item" column: narrower, no room for COM-12 whole
DRAFT_STARTED_FROM = 100  # and the start: narrower, the name would get less than at 80
NAME_FLOOR = 8  # "老渡口…": the fewest cells a draft's name is cut to for the hazards


HEADERS = {"started": "home.col.started", "venue": "home.col.name", "item": "home.col.item"}


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
        keys = ["venue"]
        if width >= DRAFT_STARTED_FROM:
            keys.insert(0, "started")  # first, as the findings' deadline
        if width >= DRAFT_ITEM_FROM:  # whole or not at all: "C" says nothing
            keys.append("item")  # the name cut before it
        if [str(key.value) for key in self.columns] == keys:
            return
        self.clear(columns=True)
        for key in keys:
            self.add_column(t(HEADERS[key]), key=key)
        self.squeezed = ("venue", keys[-1])
        self.show(self.drafts)

    def show(self, rows: tuple[DraftRow, ...]) -> None:
        self.drafts = rows
        self.clear()
        keys = [str(key.value) for key in self.columns]
        for row in rows:
            cells = {
                "started": row.started_brief,
                "venue": VenueName(row.venue),
                "item": row.current_item,
            }
            self.add_row(*(cells[key] for key in keys), key=row.inspection_id)  # type: ignore[arg-type]

    def width_apart(self) -> int:
        """The fewest cells the name's column takes (padding and scrollbar included)
        with the drafts' names still read apart, NAME_FLOOR at the least: the room the
        hazards may not take (`HomeLower`)."""
        names = [row.venue for row in self.drafts]
        cells = NAME_FLOOR
        while len({venue_name_in(name, cells) for name in names}) < len(names) and cells < 200:
            cells += 1
        return cells + 2 * self.cell_padding + self.styles.scrollbar_size_vertical
