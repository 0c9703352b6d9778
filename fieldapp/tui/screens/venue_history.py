"""A venue's submitted inspections, newest first; Enter shows one read-only. One the server
refused is marked (服务器拒收), its reason below the table while highlighted, with R to
send it again and X to discard it (`refused_records`)."""

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
from fieldapp.services.common.refused_records import RecordRefusal
from fieldapp.services.inspection.history import PastInspection
from fieldapp.tui.screens.refused_records import RefusedRecordsScreen, refused_mark
from fieldapp.tui.views.review import local_stamp
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter


class VenueHistoryScreen(RefusedRecordsScreen):
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
            yield Label("", id="history-refusal")
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
            review = t(f"review_ui.inspection_state.{row.review_state or 'pending'}")
            table.add_row(
                local_stamp(row.submitted_at),
                row.inspector_name,
                t(
                    "history.presence.photo"
                    if row.from_photo
                    else f"history.presence.{row.presence}"
                ),
                str(row.failures),
                refused_mark(self) if row.refusal else review,  # type: ignore[arg-type]
                key=row.inspection_id,
            )
        venue = {"venue": self.venue_name, "code": self.venue_code}
        refused = sum(1 for row in rows if row.refusal is not None)  # not at the office
        title = (
            t("history.title", count=len(rows), **venue) if rows else t("history.empty", **venue)
        )
        if refused:
            title = t("history.title_refused", count=len(rows) - refused, refused=refused, **venue)
        self.query_one("#history-title", Label).update(title)
        self._say_highlighted()

    @on(DataTable.RowHighlighted, "#history-table")
    def _say_highlighted(self) -> None:
        """Below the table, why the server refused the highlighted inspection."""
        self.show_refusal(self.query_one("#history-refusal", Label))

    def _highlighted(self) -> PastInspection | None:
        key = self.query_one("#history-table", PagedTable).selected_key
        return next((r for r in self.rows or () if r.inspection_id == key), None)

    def highlighted_refusal(self) -> RecordRefusal | None:
        row = self._highlighted()
        return row.refusal if row is not None else None

    def refused_subject(self) -> str:
        row = self._highlighted()
        at = local_stamp(row.submitted_at) if row is not None else ""
        return t("refused.subject.inspection", venue=self.venue_name, code=self.venue_code, at=at)

    def refusal_acted(self) -> None:
        self._load()

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
