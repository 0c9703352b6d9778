"""A venue's submitted inspections, newest first; Enter shows one read-only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Label

from fieldapp.i18n import t
from fieldapp.services.inspection.history import PastInspection
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.views.review import local_stamp
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter


class VenueHistoryScreen(FieldScreen[None]):
    PLACE = "history.subtitle"
    REMOUNT_ON_RELABEL = True
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="history.back"),
        Binding("enter", "open", "View", id="history.open", priority=True),
    ]

    @dataclass
    class Loaded(Message):
        rows: list[PastInspection]

    def __init__(self, venue_id: str, name: str, code: str) -> None:
        super().__init__(id="venue-history")
        self.venue_id, self.venue_name, self.venue_code = venue_id, name, code
        self.rows: list[PastInspection] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history-main"):
            yield Label(t("review_ui.loading"), id="history-title", classes="pane-title")
            yield PagedTable(id="history-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("history.subtitle")
        table = self.query_one("#history-table", PagedTable)
        for key in ("submitted", "inspector", "presence", "failures", "review"):
            table.add_column(t(f"history.col.{key}"), key=key)
        table.focus()
        if self.rows is None:
            self._load()
        else:
            self._show(self.rows)

    @work(thread=True, exclusive=True, exit_on_error=False, group="venue-history")
    def _load(self) -> None:
        from fieldapp.services.inspection.history import venue_inspections
        from fieldapp.store import db

        with db.connection_context():
            rows = venue_inspections(self.venue_id)
        self.post_message(self.Loaded(rows))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.rows = event.rows
        self._show(event.rows)

    def _show(self, rows: list[PastInspection]) -> None:
        table = self.query_one("#history-table", PagedTable)
        table.clear()
        for row in rows:
            table.add_row(
                local_stamp(row.submitted_at),
                row.inspector_name,
                t(f"history.presence.{row.presence}"),
                str(row.failures),
                t(f"review_ui.inspection_state.{row.review_state or 'pending'}"),
                key=row.inspection_id,
            )
        venue = {"venue": self.venue_name, "code": self.venue_code}
        self.query_one("#history-title", Label).update(
            t("history.title", count=len(rows), **venue) if rows else t("history.empty", **venue)
        )

    def action_back(self) -> None:
        self.dismiss(None)

    def action_open(self) -> None:
        from fieldapp.tui.screens.inspection_record import InspectionRecordScreen

        key = self.query_one("#history-table", PagedTable).selected_key
        if key is not None:
            self.app.push_screen(InspectionRecordScreen(key))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # a click on a row (Enter is the screen's priority binding)
        self.action_open()
