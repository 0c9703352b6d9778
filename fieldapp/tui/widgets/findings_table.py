"""Home's list of the hazards I own: the columns the pane has room for, each shown whole.

Where, in what state and how grave come first. After them the item's code is shown whole
or not at all: a code cut at the pane's edge ("COM-0" for COM-04) names another item
(the code is in the hazard's dialog). The venue's name takes the room left, cut with "…",
and is left out where fewer than `NAME_MIN` cells are left.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events

from fieldapp.i18n import t
from fieldapp.tui.views.home import FindingRow
from fieldapp.tui.widgets.table import Cut, Table

FIRST = ("deadline", "code", "state", "severity")
LABELS = {
    "deadline": "home.col.deadline",
    "code": "home.col.venue_code",
    "state": "home.col.state",
    "severity": "home.col.severity",
    "item": "home.col.item_code",
    "venue": "home.col.venue_name",
}
NAME_MIN = 8  # "鼎美村·…": a name's start with the ellipsis


def cells(row: FindingRow) -> dict[str, str]:
    deadline = row.deadline.isoformat()
    return {
        "deadline": f"{deadline} {t('home.overdue_mark')}" if row.overdue else deadline,
        "code": row.code,
        "state": t(f"finding_state.short.{row.state}"),
        "severity": t(f"severity.{row.severity}"),
        "item": row.item_code,
        "venue": row.venue,
    }


class FindingsTable(Table):
    """The hazards I own, with the item and the venue's name where they are seen whole."""

    squeezed = ("venue", "venue")
    squeezed_min = NAME_MIN

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.findings: tuple[FindingRow, ...] = ()

    def show(self, rows: tuple[FindingRow, ...]) -> None:
        self.findings = rows
        self._fill(self.columns_seen())

    def columns_seen(self) -> tuple[str, ...]:
        """The first columns, then the item and the name as far as the room takes them."""
        lines = [cells(row) for row in self.findings]
        padding = 2 * self.cell_padding

        def width(key: str) -> int:
            return padding + max(
                [cell_len(t(LABELS[key])), *(cell_len(line[key]) for line in lines)]
            )

        # The room whether or not the vertical scrollbar shows (it comes with more rows).
        room = self.content_region.width - self.styles.scrollbar_size_vertical
        room -= sum(width(key) for key in FIRST)
        seen: tuple[str, ...] = FIRST
        if width("item") <= room:
            seen, room = (*seen, "item"), room - width("item")
        if room - padding >= NAME_MIN:
            seen = (*seen, "venue")
        return seen

    def _fill(self, seen: tuple[str, ...]) -> None:
        row = self.cursor_row
        self.clear(columns=True)
        for key in seen:
            self.add_column(t(LABELS[key]), key=key)
        for finding in self.findings:
            line = cells(finding)
            # Cut with "…" (`Cut`): DataTable draws any renderable, though Table's cells
            # are typed as text.
            self.add_row(
                *(Cut(line[key]) for key in seen),  # type: ignore[arg-type]
                key=finding.finding_id,
            )
        if self.findings:
            self.move_cursor(row=min(row, len(self.findings) - 1))

    def on_resize(self, event: events.Resize) -> None:
        seen = self.columns_seen()
        if seen != tuple(str(column.key.value) for column in self.ordered_columns):
            self._fill(seen)
