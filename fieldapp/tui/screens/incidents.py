"""The supervisor's incident queue (事件): tabs, marks and the review screen's bulk actions.

Queues 1–5 (open, to assign, handed over, conflicts, all); Enter shows the highlighted
incident in full, read-only (`IncidentRecordScreen`); space marks a row, ctrl+a the page;
a assign, h hand over, o outcome, c close, n note — each behind the one bulk
confirmation (`BulkActionDialog` with the incident lifecycle), one transaction, refusals
listed with their reasons; k acknowledges the highlighted incident's conflicts; l prints
the hand-over letter (移交抄告单) of the marked or highlighted incidents. Every store call
runs in a thread worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Header, Tab, Tabs

from fieldapp.domain.findings import refused_for_all
from fieldapp.i18n import t
from fieldapp.services.incidents.queue import QUEUES, BulkResult, IncidentRow
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.screens.incident_table import MARK, IncidentTableScreen
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.queue_tabs import queue_binding, queue_tab_label


class IncidentsScreen(IncidentTableScreen):
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
        Binding("a", "bulk('assigned')", "Assign", id="incidents.assign"),
        Binding("h", "bulk('handed_over')", "Hand over", id="incidents.hand_over"),
        Binding("o", "bulk('outcome_recorded')", "Outcome", id="incidents.outcome"),
        Binding("c", "bulk('closed')", "Close", id="incidents.close"),
        Binding("n", "bulk('note')", "Note", id="incidents.note"),
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
    class BulkDone(Message):
        event_type: str
        results: list[BulkResult]

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

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="incidents-body"):
            yield Tabs(
                *(
                    Tab(queue_tab_label(n, t(f"incident.queue.{q}")), id=f"queue-{q}")
                    for n, q in enumerate(QUEUES, start=1)
                ),
                id="incident-tabs",
            )
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
        for n, q in enumerate(QUEUES, start=1):
            label = queue_tab_label(n, t(f"incident.queue.{q}"), message.counts.get(q, 0))
            self.query_one(f"#queue-{q}", Tab).label = label
        self._fill_rows()

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

    def action_bulk(self, event_type: str) -> None:
        from fieldapp.domain.clock import today
        from fieldapp.domain.incidents import INCIDENT
        from fieldapp.tui.dialogs.bulk_action import BulkActionDialog, BulkRequest

        rows = self.targets()
        if not rows:
            self.explain(t("incident.queue.nothing_chosen"))
            return
        role = getattr(self.app, "person_role", None) or "supervisor"
        # Said at once when none of them can take it, not after the form is filled; when
        # some can, the confirmation's refusals list the others.
        refusal = refused_for_all((r.state for r in rows), event_type, role, INCIDENT)
        if refusal is not None:
            self.explain(refusal)
            return
        lines = [
            f"{r.occurred_at} {t(f'incident.category.{r.category}')} · {r.place}" for r in rows
        ]
        ids = [r.id for r in rows]

        def answered(request: BulkRequest | None) -> None:
            if request is not None:
                self._apply(ids, event_type, request.note, request.data)

        dialog = BulkActionDialog(
            event_type, lines, today=today(), lifecycle=INCIDENT, people=self.people
        )
        self.app.push_screen(dialog, answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="incidents-bulk")
    def _apply(self, ids: list[str], event_type: str, note: str, data: dict[str, Any]) -> None:
        from fieldapp.services.incidents import queue as service
        from fieldapp.store import db

        with db.connection_context():
            try:
                results = service.bulk_apply(ids, event_type, note, data)
            except service.ActionRefused as refused:
                self.post_message(self.Said(str(refused), "error"))
                return
        self.post_message(self.BulkDone(event_type, results))

    @on(BulkDone)
    def _bulk_done(self, message: BulkDone) -> None:
        from fieldapp.tui.dialogs.reasons import ReasonsDialog

        applied = [r for r in message.results if r.applied]
        refused = [r for r in message.results if not r.applied]
        action = t(f"incident.event.{message.event_type}")
        self.notify(
            t("review_ui.bulk.summary", action=action, applied=len(applied), refused=len(refused)),
            severity="warning" if refused else "information",
        )
        known = {r.id: r for r in [*self.rows, *self.marked.values()]}
        reasons = []
        for r in refused:
            row = known.get(r.incident_id)
            what = f"{row.occurred_at} {row.place}" if row else r.incident_id
            reasons.append((what, r.reason))
        self.marked.clear()
        self.reload()
        if applied:
            self.app.post_message(SyncRequested("incident.event"))
        if reasons:
            title = t("review_ui.reasons.title", action=action, count=len(reasons))
            self.app.push_screen(ReasonsDialog(title, reasons))

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
