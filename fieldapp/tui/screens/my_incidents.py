"""The incidents I reported (我上报的事件, F3 for an inspector), read-only.

Newest first, one page from the store at a time (PageDown/PageUp): when, what, its state
(reported, assigned, handed over to whom, the outcome, closed) and where, as the last sync
brought them; Enter shows the highlighted one in full (`IncidentRecordScreen`), Esc goes
back. A sync finishing or an incident reported here (F4) reads the list again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Header

from fieldapp.i18n import t
from fieldapp.services.incidents.queue import IncidentRow
from fieldapp.tui.screens.incident_table import IncidentTableScreen
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter

PAGE = 50


class MyIncidentsScreen(IncidentTableScreen):
    REMOUNT_ON_RELABEL = True
    FOOTER_PINNED = ("app.report_incident",)
    PLACE = "binding.app.my_incidents"
    SECTION = True
    EMPTY = "my_incidents.empty"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="my_incidents.back"),
        Binding("enter", "view", "View", id="my_incidents.view", priority=True),
        # shown when there is more than one page (the table's own keys would not be)
        Binding("pagedown", "page(1)", "Next page", id="my_incidents.next_page", priority=True),
        Binding("pageup", "page(-1)", "Prev page", id="my_incidents.prev_page", priority=True),
    ]

    @dataclass
    class Loaded(Message):
        offset: int
        rows: list[IncidentRow]
        total: int

    def __init__(self) -> None:
        super().__init__(id="my-incidents")
        self.page_offset = 0
        self.total = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="incidents-body"):
            yield from self.compose_table()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("my_incidents.title")
        self._add_columns()
        self.query_one(PagedTable).focus()
        self._load(self.page_offset)

    def detail(self, row: IncidentRow) -> str:
        evidence = t("incident.evidence", photos=row.photos, media=row.media)
        return t("my_incidents.detail", place=row.place, evidence=evidence)

    # -- loading ---------------------------------------------------------------------

    def synced(self) -> None:
        """The last sync may have brought a supervisor's assignment, hand-over or closing."""
        self._load(self.page_offset)

    def incident_reported(self) -> None:
        """One reported from here (F4) is listed at once, on top of the first page."""
        self._load(0)

    @work(thread=True, exclusive=True, exit_on_error=False, group="my-incidents-load")
    def _load(self, offset: int) -> None:
        from fieldapp.services.incidents.mine import my_incident_rows
        from fieldapp.store import db

        with db.connection_context():
            rows, total = my_incident_rows(limit=PAGE, offset=offset)
        self.post_message(self.Loaded(offset, rows, total))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.page_offset, self.rows, self.total = message.offset, message.rows, message.total
        pages = max(1, -(-self.total // PAGE))
        title = t("my_incidents.title")
        if pages > 1:
            page = self.page_offset // PAGE + 1
            title = t("my_incidents.title_paged", page=page, pages=pages, count=self.total)
        self.sub_title = title
        self._fill_rows()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "page":
            return self.total > PAGE
        return super().check_action(action, parameters)

    def action_page(self, step: int) -> None:
        offset = self.page_offset + step * PAGE
        if offset < 0 or offset >= self.total:
            self.app.bell()
            return
        self._load(offset)

    @on(PagedTable.PageRequested, "#incident-table")
    def _page_requested(self, event: PagedTable.PageRequested) -> None:
        event.stop()
        self.action_page(event.step)
