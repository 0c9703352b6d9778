"""My inspections a supervisor returned and not yet done again (`b` on Home): when each
was submitted, the venue, the supervisor's comment (whole under the table for the row under
the cursor: at 80 columns the column cuts it). Enter shows the returned record; `n`
inspects the venue again (a correction is a new inspection, which supersedes it); Esc
goes back. The rows come from Home, which read them in its worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Label, Static

from fieldapp.domain.returns import ReturnedInspection
from fieldapp.i18n import t
from fieldapp.tui.screens import FieldScreen, VenueChosen
from fieldapp.tui.views.review import local_stamp
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter


class ReturnedScreen(FieldScreen[None]):
    PLACE = "returned.subtitle"
    REMOUNT_ON_RELABEL = True
    DEFAULT_CSS = """
    ReturnedScreen #returned-main { height: 1fr; padding: 0 1; }
    ReturnedScreen #returned-table { height: auto; max-height: 1fr; }
    ReturnedScreen #returned-comment { margin-top: 1; color: $text-warning; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="returned.back"),
        Binding("enter", "open", "View record", id="returned.open", priority=True),
        Binding("n", "inspect", "Inspect again", id="returned.inspect"),
    ]

    def __init__(self, rows: Sequence[ReturnedInspection]) -> None:
        super().__init__(id="returned-screen")
        self.rows = tuple(rows)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="returned-main"):
            yield Label("", id="returned-title", classes="pane-title")
            yield PagedTable(id="returned-table")
            yield Static("", id="returned-comment")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("returned.subtitle")
        table = self.query_one("#returned-table", PagedTable)
        table.clear(columns=True)
        for key in ("submitted", "venue", "comment"):
            table.add_column(t(f"returned.col.{key}"), key=key)
        for row in self.rows:
            venue = f"{row.code} {row.venue}"
            table.add_row(local_stamp(row.submitted_at), venue, row.comment, key=row.inspection_id)
        title = t("returned.title", count=len(self.rows)) if self.rows else t("returned.empty")
        self.query_one("#returned-title", Label).update(title)
        table.focus()

    def _selected(self) -> ReturnedInspection | None:
        key = self.query_one("#returned-table", PagedTable).selected_key
        return next((r for r in self.rows if r.inspection_id == key), None)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_open(self) -> None:
        from fieldapp.tui.screens.inspection_record import InspectionRecordScreen

        row = self._selected()
        if row is not None:
            self.app.push_screen(InspectionRecordScreen(row.inspection_id))

    def action_inspect(self) -> None:
        """Back on Home, the venue is opened as one chosen by hand (the app asks why no
        scan; a scan of its placard from Home does the same)."""
        row = self._selected()
        if row is not None:
            self.dismiss(None)
            label = t("venue.label", name=row.venue, code=row.code)
            self.app.post_message(VenueChosen(row.venue_id, label))

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = self._selected()
        venue = f"{row.code} {row.venue}" if row else ""
        text = t("returned.comment", venue=venue, comment=row.comment) if row else ""
        self.query_one("#returned-comment", Static).update(text)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # a click on a row (Enter is the screen's priority binding)
        self.action_open()
