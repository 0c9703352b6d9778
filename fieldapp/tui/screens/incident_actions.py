"""The supervisor's actions on incidents — a assign, h hand over, o outcome, c close, n
note — defined once for the queue (on the marked or highlighted rows) and for one incident
in full (on it): the keys, the refusal said before any form (naming the step to take
first, as o before c on an incident handed over), the one bulk confirmation
(`BulkActionDialog` with the incident lifecycle), the worker that applies it in one
transaction and the result, refusals listed with their reasons.

A screen mixes `IncidentActing` in before its Textual base, adds `ACTION_BINDINGS` to its
bindings and says what the keys act on (`acted_on`) and what to do once applied
(`incidents_changed`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.binding import Binding
from textual.message import Message

from fieldapp.domain.finding_checks import refused_for_all
from fieldapp.i18n import t
from fieldapp.services.incidents.queue import BulkResult
from fieldapp.tui.messages import SyncRequested

ACTION_BINDINGS = [
    Binding("a", "bulk('assigned')", "Assign", id="incidents.assign"),
    Binding("h", "bulk('handed_over')", "Hand over", id="incidents.hand_over"),
    Binding("o", "bulk('outcome_recorded')", "Outcome", id="incidents.outcome"),
    Binding("c", "bulk('closed')", "Close", id="incidents.close"),
    Binding("n", "bulk('note')", "Note", id="incidents.note"),
]
# event type -> the key that sends it, for a refusal that names the step to take first
EVENT_KEYS = {b.action.partition("'")[2].rstrip("')"): b.key for b in ACTION_BINDINGS}


@dataclass(frozen=True, slots=True)
class Acted:
    """An incident an action is for: its id, its state, its line in the confirmation and
    when it happened (local "YYYY-MM-DD HH:MM"), which its hand-over may not be before."""

    id: str
    state: str
    line: str
    occurred: str = ""


class IncidentActing:
    """The actions, for a screen (`FieldScreen`) that mixes this in."""

    people: list[tuple[str, str]]  # whom `a` may assign (id, name)
    # The keys act on the one incident the screen shows (its view), not on a selection:
    # the confirmation's title is the action alone, not "1 selected".
    ACTS_ON_ONE = False

    @dataclass
    class BulkDone(Message):
        event_type: str
        results: list[BulkResult]
        lines: dict[str, str]  # incident id -> how the confirmation listed it

    @dataclass
    class ActionRefused(Message):
        text: str

    # The incidents the keys act on now: the screen that mixes this in says (the queue its
    # marked or highlighted ones, the incident's view its one).
    acted_on: Callable[[], list[Acted]]

    def incidents_changed(self) -> None:
        """Called once an action was applied to one or more: read them again."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An empty queue offers no action on incidents (as the review's, F5): the footer,
        # F1 and the palette list a Assign, l Letter… only while one is marked or highlighted.
        if action in ("bulk", "print_letter", "acknowledge") and not self.acted_on():
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    def action_bulk(self, event_type: str) -> None:
        from fieldapp.domain.clock import today
        from fieldapp.domain.finding_dates import local_day
        from fieldapp.domain.incidents import (
            INCIDENT,
            before_it_happened_said,
            handed_over_before_one_happened,
        )
        from fieldapp.tui.dialogs.bulk_action import BulkActionDialog, BulkRequest

        screen: Any = self
        acted = self.acted_on()
        if not acted:
            screen.explain(t("incident.queue.nothing_chosen"))
            return
        role = getattr(screen.app, "person_role", None) or "supervisor"
        # Said at once when none of them can take it, not after the form is filled; when
        # some can, the confirmation's refusals list the others.
        refusal = refused_for_all((a.state for a in acted), event_type, role, INCIDENT, EVENT_KEYS)
        if refusal is not None:
            screen.explain(refusal)
            return
        lines = {a.id: a.line for a in acted}
        happened = [local_day(a.occurred) for a in acted]

        def too_early(data: dict[str, Any]) -> str | None:
            """Said in the dialog, with what was typed kept, not after it has closed."""
            early = handed_over_before_one_happened(data, happened)
            return None if early is None else before_it_happened_said(early)

        def answered(request: BulkRequest | None) -> None:
            if request is not None:
                self._apply_action(lines, event_type, request.note, request.data)

        dialog = BulkActionDialog(
            event_type, list(lines.values()), today=today(), lifecycle=INCIDENT,
            people=self.people, counted=not self.ACTS_ON_ONE, date_rule=too_early,
        )  # fmt: skip
        screen.app.push_screen(dialog, answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="incidents-bulk")
    def _apply_action(
        self, lines: dict[str, str], event_type: str, note: str, data: dict[str, Any]
    ) -> None:
        from fieldapp.services.incidents import queue as service
        from fieldapp.store import db

        screen: Any = self
        with db.connection_context():
            try:
                results = service.bulk_apply(list(lines), event_type, note, data)
            except service.ActionRefused as refused:
                screen.post_message(self.ActionRefused(str(refused)))
                return
        screen.post_message(self.BulkDone(event_type, results, lines))

    def on_incident_acting_action_refused(self, message: ActionRefused) -> None:
        screen: Any = self
        screen.notify(message.text, severity="error", timeout=10)

    def on_incident_acting_bulk_done(self, message: BulkDone) -> None:
        from fieldapp.tui.dialogs.reasons import ReasonsDialog, bulk_summary

        screen: Any = self
        applied = [r for r in message.results if r.applied]
        refused = [r for r in message.results if not r.applied]
        action = t(f"incident.event.{message.event_type}")
        if self.ACTS_ON_ONE and message.event_type == "note" and applied:
            said = t("incident.note_saved")  # one note, not a count of rows acted on
        else:
            said = bulk_summary(action, len(applied), len(refused))
        screen.notify(said, severity="warning" if refused else "information")
        reasons = [(message.lines.get(r.incident_id, r.incident_id), r.reason) for r in refused]
        self.incidents_changed()
        if applied:
            screen.app.post_message(SyncRequested("incident.event"))
        if reasons:
            title = t("review_ui.reasons.title", action=action, count=len(reasons))
            screen.app.push_screen(ReasonsDialog(title, reasons))
