"""Home's list of the hazards I own: where, how urgent, in what state and how grave.

The venue's name says where (a supervisor knows venues by name, not by code), so it comes
after the deadline and gets the room: cut with "…" at its column's width (a Chinese
character counts two cells). The deadline reads "11-18" within half a year of today
(`brief_date`). The venue's code and the item's code follow only where the name keeps
`NAME_WANT` cells beside them (both are in the hazard's dialog), each whole or not at
all: a code cut at the pane's edge ("COM-0" for COM-04) names another item. Where two
rows would still read alike (two hazards at one venue with one deadline and severity, or
two venues whose names start alike), the item's code and then the venue's come before
the name is cut further, down to `NAME_MIN` cells. Rows that read alike with their
names whole (twins: one venue, deadline, state and severity) want the item's column
whatever the width: beside a draft (English at 80 columns) the pane asks for its room
(`width_wanted`, see `HomeLower`); rows still alike get the item's column, then the
venue's, before the name's room all the same. The venue's cell says the venue: it started
with the item's code ("COM-04 鼎美…"), which read as part of the name. The columns are chosen
again when the table's width or its rows change (`on_resize`, `show`).
"""

from __future__ import annotations

from collections import Counter

from rich.cells import cell_len
from textual import events

from fieldapp.i18n import t
from fieldapp.tui.views.home import FindingRow
from fieldapp.tui.widgets.table import Cut, Table
from fieldapp.tui.widgets.venue_names import VenueName, venue_name_in

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
APART = ("item", "code")  # added in this order where rows would read alike
NAME_MIN = 8  # "鼎美村·…": a name's start with the ellipsis
NAME_WANT = 20  # "鼎美村·惠民大排档(…": a name read without opening the hazard
WHOLE = 10_000  # a name's cells that cut none: rows alike then are twins
TWIN_NAME = 12  # "鼎美村·惠民…": the name beside twins' item column, where there is room


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


def read_alike(lines: list[dict[str, str]], seen: tuple[str, ...], name: int) -> set[int]:
    """The rows (by number) that would read as another one does in the columns `seen`,
    the venue's name cut to `name` cells."""
    read = [
        tuple(venue_name_in(line[key], name) if key == "venue" else line[key] for key in seen)
        for line in lines
    ]
    counts = Counter(read)
    return {n for n, line in enumerate(read) if counts[line] > 1}


class FindingsTable(Table):
    """The hazards I own, the venue's name in the room the other columns leave."""

    squeezed = ("venue", "severity")
    squeezed_min = NAME_MIN

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.findings: tuple[FindingRow, ...] = ()

    def show(self, rows: tuple[FindingRow, ...]) -> None:
        self.findings = rows
        self._fill(self.columns_chosen())

    def _width(self, lines: list[dict[str, str]], key: str) -> int:
        return 2 * self.cell_padding + max(
            [cell_len(t(LABELS[key])), *(cell_len(line[key]) for line in lines)]
        )

    def width_wanted(self) -> int:
        """The width that shows twins (rows alike with their names whole) their item's
        column beside a name of TWIN_NAME cells; 0 without twins."""
        lines = [cells(row) for row in self.findings]
        if not read_alike(lines, FIRST, WHOLE):
            return 0
        others = sum(self._width(lines, key) for key in (*FIRST, "item") if key != "venue")
        padding = 2 * self.cell_padding
        return self.styles.scrollbar_size_vertical + others + padding + TWIN_NAME

    def columns_chosen(self) -> tuple[str, ...]:
        """The first columns, then the codes while the name keeps its room, or while rows
        would read alike; rows still alike get them even where the name has less."""
        lines = [cells(row) for row in self.findings]
        padding = 2 * self.cell_padding

        def width(key: str) -> int:
            return self._width(lines, key)

        # The room whether or not the vertical scrollbar shows (it comes with more rows).
        room = self.room() - self.styles.scrollbar_size_vertical
        room -= sum(width(key) for key in FIRST if key != "venue") + padding
        name = min(NAME_WANT, width("venue") - padding)
        seen: tuple[str, ...] = FIRST
        for key in MORE:
            if room - width(key) < name:
                break
            seen, room = (*seen, key), room - width(key)
        # Two hazards at one venue with one deadline and severity: the item's code, then
        # the venue's, before the name is cut further (down to NAME_MIN cells).
        for key in APART:
            if key in seen or not read_alike(lines, seen, room):
                continue
            if room - width(key) < NAME_MIN:
                break
            seen, room = (*seen, key), room - width(key)
        for key in APART:  # still alike: told apart all the same, the name cut further
            if key not in seen and read_alike(lines, seen, max(room, 1)):
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
            # Cut with "…" (`Cut`, a venue's name keeping its own part: `VenueName`):
            # DataTable draws any renderable, though Table's cells are typed as text.
            self.add_row(
                *(VenueName(line[key]) if key == "venue" else Cut(line[key]) for key in seen),  # type: ignore[arg-type]
                key=finding.finding_id,
            )
        if self.findings:
            self.move_cursor(row=min(row, len(self.findings) - 1))

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        """The columns chosen again for the width now (the rows again if they change)."""
        seen = self.columns_chosen()
        if seen != tuple(str(c.key.value) for c in self.ordered_columns):
            self._fill(seen)
