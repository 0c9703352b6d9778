"""Home's list of the hazards I own: where, how urgent, in what state and how grave.

The venue's name says where (a supervisor knows venues by name, not by code), so it comes
after the deadline and gets the room: cut with "…" at its column's width (a Chinese
character counts two cells). The deadline reads "11-18" within half a year of today
(`brief_date`). The venue's code and the item's code follow only where the name keeps
`NAME_WANT` cells beside them (both are in the hazard's dialog), each whole or not at
all: a code cut at the pane's edge ("COM-0" for COM-04) names another item. The columns
are chosen again when the table's width changes (`on_resize`).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events

from fieldapp.i18n import t
from fieldapp.tui.views.home import FindingRow
from fieldapp.tui.widgets.table import Cut, Table

FIRST = ("deadline", "venue", "state", "severity")
MORE = ("code", "item")  # in this order, where the name keeps NAME_WANT cells
LABELS = {
    "deadline": "home.col.deadline",
    "venue": "home.col.name",
    "state": "home.col.state",
    "severity": "home.col.severity",
    "code": "home.col.code",
    "item": "home.col.item_code",
}
NAME_MIN = 8  # "鼎美村·…": a name's start with the ellipsis
NAME_WANT = 20  # "鼎美村·惠民大排档(…": a name read without opening the hazard


def cells(row: FindingRow) -> dict[str, str]:
    deadline = row.deadline_brief
    return {
        "deadline": f"{deadline} {t('home.overdue_mark')}" if row.overdue else deadline,
        "venue": row.venue,
        "state": t(f"finding_state.short.{row.state}"),
        "severity": t(f"severity.{row.severity}"),
        "code": row.code,
        "item": row.item_code,
    }


class FindingsTable(Table):
    """The hazards I own, the venue's name in the room the other columns leave."""

    squeezed = ("venue", "severity")
    squeezed_min = NAME_MIN

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.findings: tuple[FindingRow, ...] = ()

    def show(self, rows: tuple[FindingRow, ...]) -> None:
        self.findings = rows
        self._fill(self.columns_seen())

    def columns_seen(self) -> tuple[str, ...]:
        """The first columns, then the codes while the name keeps its room."""
        lines = [cells(row) for row in self.findings]
        padding = 2 * self.cell_padding

        def width(key: str) -> int:
            return padding + max(
                [cell_len(t(LABELS[key])), *(cell_len(line[key]) for line in lines)]
            )

        # The room whether or not the vertical scrollbar shows (it comes with more rows).
        room = self.content_region.width - self.styles.scrollbar_size_vertical
        room -= sum(width(key) for key in FIRST if key != "venue") + padding
        name = min(NAME_WANT, width("venue") - padding)
        seen: tuple[str, ...] = FIRST
        for key in MORE:
            if room - width(key) < name:
                break
            seen, room = (*seen, key), room - width(key)
        return seen

    def _fill(self, seen: tuple[str, ...]) -> None:
        row = self.cursor_row
        self.clear(columns=True)
        for key in seen:
            self.add_column(t(LABELS[key]), key=key)
        self.squeezed = ("venue", seen[-1])
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
