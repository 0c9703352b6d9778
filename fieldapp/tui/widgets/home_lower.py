"""Home's lower row: the unfinished inspections beside the hazards I own.

The hazards get at least `FINDINGS_MIN` cells (at 80 columns: deadline, venue, state and
severity, in English too), the drafts the rest, up to `DRAFTS_MAX`, and the hazards what
is left past that. In CSS, a `1fr` pane with `max-width: 46` beside a `1fr` pane with
`min-width: 50` gave the hazards the whole row where a terminal was 96 to 101 columns wide:
Textual 8 clamps both panes in one pass and then takes 1fr for the whole width, so the
hazards ran 46 cells past the screen's edge and a venue's name showed as its first
character there (seen on resizing a terminal from 80 to 100 columns). The drafts' width
is set here instead, from this row's own width, each time it changes.

With no unfinished inspection the row is two lines deep instead: the drafts' one line
("No unfinished inspections", no empty table under a "Venue" header) takes the blank line
above the row, and the hazards the whole width below it. Beside that line (28 cells) the
hazards had 50 cells, and in English the item's code was pushed into the venue's cell
("COM-04 鼎美…"), the name cut to two characters. Fitted again on each resize and each time
the drafts are shown (`fit_panes`), so a draft started or finished changes the row.

Beside a draft, at 80 columns in English, two hazards at one venue with one deadline,
state and severity had no room for the item's code that tells them apart: it was pushed
into the venue's cell ("COM-04 鼎美…"). Where the hazards have such twins, they get the
cells their item's column needs beside a name of `TWIN_NAME` (`FindingsTable.width_wanted`),
taken from the drafts while their names still read apart (`DraftsTable.width_apart`);
their title is then said short where it has no room whole (`DraftsTitle`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.containers import Horizontal
from textual.widgets import DataTable, Label

from fieldapp.tui.widgets.drafts_table import DraftsTable
from fieldapp.tui.widgets.findings_table import FindingsTable
from fieldapp.tui.widgets.first_layout import content_width_before_layout

FINDINGS_MIN = 50
DRAFTS_MAX = 46
# The fewest cells the drafts take beside the hazards: a venue's name of eight Chinese
# characters ("老渡口农贸市场·…"), padding, scrollbar and the margin between the panes.
# Narrower, they are above the hazards (without the margin: the decision does not hang
# on it, or it would flip back and forth at the edge).
DRAFTS_MIN = 22


class HomeLower(Horizontal):
    """Two panes side by side: `#drafts-pane`, then `#findings-pane` (`width: 1fr`); one
    above the other while `#drafts` has no rows (class `-no-drafts`) or where the row
    leaves the drafts fewer than DRAFTS_MIN cells beside the hazards (`-stacked`)."""

    def on_resize(self, event: events.Resize) -> None:
        self.fit_panes()

    def fit_panes(self) -> None:
        drafts = self.query_one("#drafts-pane")
        empty = not self.query_one("#drafts", DataTable).row_count
        self.set_class(empty, "-no-drafts")
        # Before the first layout (home shows its data on mount), the width it will have:
        # the tables are then filled for their widths once, not again in a second layout.
        row = self.content_size.width or content_width_before_layout(self)
        table = self.query_one("#drafts", DraftsTable)
        stacked = not empty and row - FINDINGS_MIN < DRAFTS_MIN
        self.set_class(stacked, "-stacked")
        table.show_header = not stacked  # above the hazards, the title says what rows are
        if empty or stacked:  # the width is the stylesheet's (the whole row)
            if drafts.styles.inline.width is not None:
                drafts.styles.width = None
            self._before_layout(row, row if stacked else 0)
            return
        room = row - drafts.styles.margin.width
        width = max(0, min(DRAFTS_MAX, room - FINDINGS_MIN))
        wanted = self._wanted("#findings-pane", self.query_one("#findings", FindingsTable))
        if wanted > FINDINGS_MIN:  # twins among the hazards: their item's column
            apart = self._wanted("#drafts-pane", table)
            width = min(width, max(room - wanted, apart))
        if drafts.styles.width is None or drafts.styles.width.value != width:
            drafts.styles.width = width
        self._before_layout(max(FINDINGS_MIN, room - width), width)

    def _before_layout(self, findings_width: int, drafts_width: int) -> None:
        """Not laid out yet: the tables' widths from their panes' (`findings_width` and
        `drafts_width` cells), and the hazards' columns chosen for it."""
        if self.content_size.width or not findings_width:
            return
        for pane_id, table, width in (
            ("#findings-pane", self.query_one("#findings", FindingsTable), findings_width),
            ("#drafts-pane", self.query_one("#drafts", DraftsTable), drafts_width),
        ):
            gutters = self.query_one(pane_id).styles.gutter.width + table.styles.margin.width
            table.room_before_layout = max(0, width - gutters - table.styles.gutter.width)
        self.query_one("#findings", FindingsTable).fit()

    def _wanted(self, pane_id: str, table: FindingsTable | DraftsTable) -> int:
        """The width of a pane whose table takes the cells it asks for."""
        wanted = table.width_wanted() if isinstance(table, FindingsTable) else table.width_apart()
        if not wanted:
            return 0
        return wanted + max(0, self.query_one(pane_id).size.width - table.content_region.width)


class DraftsTitle(Label):
    """The drafts' title, "Unfinished inspections (2)", or its short form ("Unfinished
    (2)") where the pane has no room for it whole: it was cut to "Unfinished", the count
    lost, where the hazards took cells for their twins' item column."""

    DEFAULT_CSS: ClassVar[str] = "DraftsTitle { width: 100%; }"

    def __init__(self, *, id: str, classes: str = "") -> None:  # noqa: A002 - Textual's name
        super().__init__("", id=id, classes=classes)
        self.texts = ("", "")

    def say(self, text: str, short: str = "") -> None:
        self.texts = (text, short or text)
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        text, short = self.texts
        width = self.size.width
        said = text if not width or cell_len(text) <= width else short
        if said != self.content:  # the same words again would lay home out again
            self.update(said)
