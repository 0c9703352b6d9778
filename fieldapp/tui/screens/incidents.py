"""The supervisor's incident queue (事件): tabs, marks and the review screen's bulk actions.

Queues 1–5 (open, to assign, handed over, conflicts, all); Enter shows the highlighted
incident in full, with these actions on it (`IncidentRecordScreen`); space marks a row,
ctrl+a the page;
a assign, h hand over, o outcome, c close, n note — each behind the one bulk
confirmation, one transaction, refusals listed with their reasons, as in the incident's
own view (`incident_actions`); k acknowledges the highlighted incident's conflicts; l prints
the hand-over letter (移交抄告单) of the marked or highlighted incidents. Every store call
runs in a thread worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Header, Tabs

from fieldapp.i18n import t
from fieldapp.services.incidents.queue import QUEUES, IncidentRow
from fieldapp.tui.screens.incident_actions import ACTION_BINDINGS, Acted, IncidentActing
from fieldapp.tui.screens.incident_table import MARK, IncidentTableScreen
from fieldapp.tui.sync_pulled import INCIDENT_FEEDS, pulled
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.queue_tabs import QueueTabs, queue_binding


class IncidentsScreen(IncidentActing, IncidentTableScreen):
    REMOUNT_ON_RELABEL = True
    FOOTER_PINNED = ("app.report_incident",)  # shown in the footer whatever the width
    PLACE = "binding.app.incidents"
    SECTION = True
    WIDE_COLUMNS = ("time", "category", "state", "evidence", "reporter", "place")
    MARKS = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="incidents.back"),
        # Enter opens the highlighted incident, as in the inspection review (the table's
        # own Enter would select the row and do nothing more).
        Binding("enter", "view", "View", id="incidents.view", priority=True),
        *(queue_binding("incidents", n) for n in range(1, len(QUEUES) + 1)),
        Binding("space", "toggle_mark", "Mark", id="incidents.mark"),
        Binding("ctrl+a,asterisk", "mark_page", "Mark page", id="incidents.mark_page"),
        *ACTION_BINDINGS,
        Binding("k", "acknowledge", "Acknowledge", id="incidents.acknowledge"),
        Binding("l", "print_letter", "Letter", id="incidents.letter"),
    ]

    @dataclass
    class Loaded(Message):
        queue: str
        rows: list[IncidentRow]
        counts: dict[str, int]
        people: list[tuple[str, str]]

    @dataclass
    class Said(Message):
        text: str
        severity: str = "information"
        reload: bool = False

    def __init__(self) -> None:
        super().__init__(id="incidents")
        self.queue = QUEUES[0]
        self.marked: dict[str, IncidentRow] = {}
        self.people: list[tuple[str, str]] = []
        self.total = 0  # the incidents of every queue ("all"), as last loaded

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="incidents-body"):
            yield QueueTabs([(f"queue-{q}", t(f"incident.queue.{q}")) for q in QUEUES],
                            id="incident-tabs")  # fmt: skip
            yield from self.compose_table()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("incident.queue.title")
        self._add_columns()
        self.query_one(PagedTable).focus()
        self.reload()

    # -- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        self._load(self.queue)

    def incident_reported(self) -> None:
        """One reported from this screen (F4) is counted and listed at once."""
        self.reload()

    def refusal_acted(self) -> None:
        self.reload()

    def synced(self) -> None:
        """A sync that pulled incidents (another device's hand-over) is listed at once."""
        if pulled(getattr(self.app, "sync_outcome", None), INCIDENT_FEEDS):
            self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="incidents-load")
    def _load(self, queue: str) -> None:
        from fieldapp.services.incidents import queue as service
        from fieldapp.store import db

        with db.connection_context():
            rows = service.incident_rows(queue)
            counts = service.queue_counts()
            people = service.assignable_people()
        self.post_message(self.Loaded(queue, rows, counts, people))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.queue != self.queue:
            return
        self.rows, self.people = message.rows, message.people
        self.total = message.counts.get("all", 0)
        tabs = self.query_one("#incident-tabs", QueueTabs)
        tabs.show_counts([message.counts.get(q, 0) for q in QUEUES])
        self._fill_rows()

    def empty_line(self) -> str:
        """None at all yet: how to report one, rather than that none matches this queue."""
        return t("incident.queue.none_yet") if self.total == 0 else super().empty_line()

    @on(Tabs.TabActivated, "#incident-tabs")
    def _tab(self, event: Tabs.TabActivated) -> None:
        queue = (event.tab.id or "").removeprefix("queue-")
        if queue in QUEUES and queue != self.queue:
            self.queue = queue
            self.marked.clear()
            self.reload()

    def action_queue(self, index: int) -> None:
        self.query_one("#incident-tabs", Tabs).active = f"queue-{QUEUES[index]}"

    # -- marks -----------------------------------------------------------------------

    def mark_of(self, row: IncidentRow) -> str:
        return MARK if row.id in self.marked else ""

    def targets(self) -> list[IncidentRow]:
        if self.marked:
            return list(self.marked.values())
        row = self.highlighted
        return [row] if row else []

    def action_toggle_mark(self) -> None:
        row = self.highlighted
        if row is None:
            return
        table = self.query_one(PagedTable)
        if self.marked.pop(row.id, None) is None:
            self.marked[row.id] = row
        table.update_cell(row.id, "mark", MARK if row.id in self.marked else "")
        table.action_cursor_down()

    def action_mark_page(self) -> None:
        table = self.query_one(PagedTable)
        for row in self.rows:
            self.marked[row.id] = row
            table.update_cell(row.id, "mark", MARK)

    # -- actions ---------------------------------------------------------------------

    def acted_on(self) -> list[Acted]:
        return [
            Acted(r.id, r.state,
                  f"{r.occurred_at} {t(f'incident.category.{r.category}')} · {r.place}",
                  r.occurred_at)
            for r in self.targets()
        ]  # fmt: skip

    def incidents_changed(self) -> None:
        self.marked.clear()
        self.reload()

    def action_view(self) -> None:
        """The highlighted incident in full, with the same actions on it."""
        from fieldapp.tui.screens.incident_record import IncidentRecordScreen

        def back(changed: bool | None) -> None:
            if changed:  # an action applied there: this list as it is now
                self.incidents_changed()

        row = self.highlighted
        if row is not None:
            self.app.push_screen(IncidentRecordScreen(row.id, acting=True), back)

    def action_acknowledge(self) -> None:
        row = self.highlighted
        if row is not None:
            self._acknowledge(row.id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="incidents-bulk")
    def _acknowledge(self, incident_id: str) -> None:
        from fieldapp.services.incidents import events
        from fieldapp.store import db

        with db.connection_context():
            event = events.acknowledge_conflicts(incident_id)
        text = t("incident.conflicts_acknowledged" if event else "incident.no_conflicts")
        self.post_message(self.Said(text, reload=event is not None))

    def action_print_letter(self) -> None:
        rows = self.targets()
        if rows:
            self._print([r.id for r in rows])

    @work(thread=True, exclusive=True, exit_on_error=False, group="incidents-print")
    def _print(self, ids: list[str]) -> None:
        from fieldapp.services.incidents.letters import LetterError, write_letter
        from fieldapp.store import db

        with db.connection_context():
            try:
                path = write_letter(ids)
            except LetterError as error:
                self.post_message(self.Said(str(error), "error"))
                return
        self.post_message(self.Said(t("incident.letter.written", path=path)))

    @on(Said)
    def _said(self, message: Said) -> None:
        self.notify(message.text, severity=message.severity, timeout=10)  # type: ignore[arg-type]
        if message.reload:
            self.reload()
