"""The actions of the review screen, apart from the list: bulk actions behind one
confirmation with the refusals listed, conflicts acknowledged and the filter dialog's
choices; the PDFs are its base's (`ReviewPrinting`, `review_printing`).

`ReviewActions` is the base of `ReviewScreen`, which supplies the rows, the marks, the
highlighted finding and `reload()`. Every store call runs in a thread worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.message import Message

from fieldapp.domain.finding_checks import refused_for_all
from fieldapp.domain.findings import check_transition
from fieldapp.i18n import listed, t
from fieldapp.services.review import BulkResult, ReviewFilters, ReviewRow, note_needed
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.screens.review_printing import ReviewPrinting
from fieldapp.tui.screens.review_rows import (
    hand_over_too_early_for,
    left_out_said,
    none_due_said,
    not_due_yet,
    not_extended_said,
    own_fixes_said,
)
from fieldapp.tui.widgets import PagedTable

# The bulk actions' bindings and the finding event each sends.
BULK_BINDINGS = {
    "review.verify": "verified",
    "review.reject": "rejected",
    "review.extend": "deadline_extended",
    "review.hand_over": "handed_over",
    "review.outcome": "outcome_recorded",
    "review.close": "closed",
}


class ReviewActions(ReviewPrinting):
    """Bulk actions, conflicts and filters; printing is the base's, the list the
    subclass's."""

    filters: ReviewFilters
    rows: list[ReviewRow]
    marked: dict[str, ReviewRow]
    _inspector_names: dict[str, str]

    @dataclass
    class BulkDone(Message):
        event_type: str
        results: list[BulkResult]

    @dataclass
    class ChoicesLoaded(Message):
        grids: list[tuple[str, str]]
        kinds: list[str]
        inspectors: list[tuple[str, str]]

    if TYPE_CHECKING:
        # Supplied by ReviewScreen (the list); declared for the type checker only.
        @property
        def highlighted(self) -> ReviewRow | None: ...

        def targets(self) -> list[ReviewRow]: ...

        def reload(self, offset: int | None = None) -> None: ...

        def set_filters(self, filters: ReviewFilters) -> None: ...

    # -- bulk actions ------------------------------------------------------------------

    # The bulk actions the state of every chosen finding refuses (the one transition
    # table's check): not offered, so the footer, F1 and the palette list the same keys.
    refused: frozenset[str] = frozenset()
    chosen = False  # some finding is marked or highlighted: an empty list offers no action
    conflicted = False  # the highlighted finding has conflicts to acknowledge (`a`)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("bulk", "print_notice", "print_letter", "not_now") and not self.chosen:
            return False  # an empty list: nothing for them to act on
        if action == "bulk" and parameters and parameters[0] in self.refused:
            return False  # hidden: none of the chosen findings can take it
        if action == "acknowledge":
            return self.conflicted
        if action == "not_now":  # the hidden key's twin: only while it is hidden
            return bool(parameters) and parameters[0] in self.refused
        return super().check_action(action, parameters)

    def action_not_now(self, event_type: str) -> None:
        """A bulk key pressed where it is not offered: say why, and where it applies."""
        rows = self.targets()
        role = getattr(self.app, "person_role", None) or "supervisor"
        if event_type in ("verified", "rejected"):
            states = listed(sorted({t(f"review.state.{r.state}") for r in rows}))
            said = t("review_ui.not_now.recheck", state=states)
        else:
            said = refused_for_all((r.state for r in rows), event_type, role) or ""
        self.explain(said)  # about this screen: goes when it is left

    @on(PagedTable.RowHighlighted, "#review-table")
    def _offer_for_row(self) -> None:
        self.offer_actions()

    def offer_actions(self) -> None:
        """Offer only the bulk actions that the state of some chosen finding allows: `v`
        and `r` only where a finding is reported fixed, `o` only where one is handed over."""
        rows = self.targets()
        role = getattr(self.app, "person_role", None) or "supervisor"
        refused = frozenset(
            event_type
            for event_type in BULK_BINDINGS.values()
            if rows and all(check_transition(r.state, event_type, role) for r in rows)
        )
        conflicted = bool((row := self.highlighted) and row.conflict)
        if (refused, bool(rows), conflicted) != (self.refused, self.chosen, self.conflicted):
            self.refused, self.chosen, self.conflicted = refused, bool(rows), conflicted
            self.refresh_bindings()

    def action_bulk(self, event_type: str) -> None:
        from fieldapp.tui.dialogs.bulk_action import BulkActionDialog, BulkRequest

        rows = self.targets()
        if not rows:
            self.notify(t("review_ui.nothing_chosen"), severity="warning")
            return
        aside = own_fixes_said(rows) if event_type == "verified" else ""  # left out, refused
        date_rule = None
        if event_type == "handed_over":
            early = not_due_yet(rows, self._today())
            if len(early) == len(rows):  # said at once, not after the form is filled
                self.explain(none_due_said(early))
                return
            left_out = {row.finding_id for row, _ in early}
            rows = [r for r in rows if r.finding_id not in left_out]
            aside = left_out_said(early)
            date_rule = hand_over_too_early_for(rows)
        if event_type == "deadline_extended":  # left out and said, as a hand-over does
            role = getattr(self.app, "person_role", None) or "supervisor"
            barred = [r for r in rows if check_transition(r.state, event_type, role)]
            rows = [r for r in rows if r not in barred]
            aside = not_extended_said(barred)
        lines = [r.label for r in rows]
        last = max((r for r in rows if r.deadline), key=attrgetter("deadline"), default=None)
        latest = last.deadline if last else None
        deadline = None
        if event_type == "deadline_extended" and last is not None and latest is not None:
            deadline = max(latest, self._today()) + dt.timedelta(days=7)
            if len(rows) > 1:  # one date for all: the rule it keeps, said before F10
                rule = t("review_ui.extend.rule", deadline=latest.isoformat(),
                         hazard=f"{last.venue_code} {last.item_code}")  # fmt: skip
                aside = "\n".join(filter(None, (aside, rule)))
        elif event_type == "rejected":  # a week from today, never before the deadline now
            deadline = max(self._today() + dt.timedelta(days=7), latest or self._today())
        ids = [r.finding_id for r in rows]
        states, severities = {r.state for r in rows}, {r.severity for r in rows}
        needed = note_needed(event_type, states, severities=severities)

        def answered(request: BulkRequest | None) -> None:
            if request is not None:
                self._apply(ids, event_type, request.note, request.data)

        dialog = BulkActionDialog(
            event_type,
            lines,
            today=self._today(),
            deadline=deadline,
            current_deadline=latest,
            current_deadline_of=f"{last.venue_code} {last.item_code}" if last else "",
            note_needed=needed,
            note_rule=lambda data: note_needed(event_type, states, data, severities),
            aside=aside,
            date_rule=date_rule,
        )
        self.app.push_screen(dialog, answered)

    def _today(self) -> dt.date:
        from fieldapp.domain.clock import today

        return today()

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-bulk")
    def _apply(self, ids: list[str], event_type: str, note: str, data: dict[str, Any]) -> None:
        from fieldapp.services import review
        from fieldapp.store import db

        with db.connection_context():
            try:
                results = review.bulk_apply(ids, event_type, note, data)
            except review.ActionRefused as refused:
                self.post_message(self.Said(str(refused), "error"))
                return
        self.post_message(self.BulkDone(event_type, results))

    @on(BulkDone)
    def _bulk_done(self, event: BulkDone) -> None:
        from fieldapp.tui.dialogs.reasons import ReasonsDialog, bulk_summary

        applied = [r for r in event.results if r.applied]
        refused = [r for r in event.results if not r.applied]
        action = t(f"review_ui.action.{event.event_type}")
        # The refused that were marked stay marked (and only they): to correct and retry.
        kept = {
            r.finding_id: self.marked[r.finding_id] for r in refused if r.finding_id in self.marked
        }
        summary = bulk_summary(action, len(applied), len(refused))
        if kept:
            summary = t("review_ui.bulk.kept_marked", summary=summary, count=len(kept))
        self.notify(summary, severity="warning" if refused else "information")
        known = {**{r.finding_id: r for r in self.rows}, **self.marked}
        reasons = []
        for r in refused:
            row = known.get(r.finding_id)
            what = row.label if row else r.finding_id
            reasons.append((what, r.reason))
        self.marked.clear()
        self.marked.update(kept)
        self.reload()
        if applied:  # events recorded for the server: sync them in the background
            self.app.post_message(SyncRequested("finding.event"))
        if reasons:
            title = t("review_ui.reasons.title", action=action, count=len(reasons))
            self.app.push_screen(ReasonsDialog(title, reasons))

    @on(ReviewPrinting.Said)
    def _said(self, event: ReviewPrinting.Said) -> None:
        self.notify(event.text, severity=event.severity, timeout=10)  # type: ignore[arg-type]
        if event.reload:
            self.reload()

    # -- conflicts ---------------------------------------------------------------------

    def action_acknowledge(self) -> None:  # offered for a highlighted conflict
        if (row := self.highlighted) is not None and row.conflict:
            self._acknowledge(row.finding_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-bulk")
    def _acknowledge(self, finding_id: str) -> None:
        from fieldapp.services import review
        from fieldapp.store import db

        with db.connection_context():
            review.acknowledge_conflicts(finding_id, t("review_ui.acknowledged_note"))
        self.post_message(self.Said(t("review_ui.acknowledged"), reload=True))
        self.app.post_message(SyncRequested("finding.event"))

    # -- filters -----------------------------------------------------------------------

    def action_filters(self) -> None:
        self._load_choices()

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-choices")
    def _load_choices(self) -> None:
        from fieldapp.services import review
        from fieldapp.services.common.grid_tree import grid_tree
        from fieldapp.services.common.kinds import venue_kinds
        from fieldapp.store import db
        from fieldapp.store.models import Grid

        with db.connection_context():
            scope = review.my_scope()
            if scope is None:
                scope = [g.code for g in Grid.select(Grid.code)]
            # In tree order, indented by depth: any number of levels (镇 → 村 → 网格 → 楼栋).
            grids = [(n.code, "　" * n.depth + n.name) for n in grid_tree(scope)]
            inspectors = review.inspector_choices()
            kinds = venue_kinds()
        self.post_message(self.ChoicesLoaded(grids, kinds, inspectors))

    @on(ChoicesLoaded)
    def _choices_loaded(self, event: ChoicesLoaded) -> None:
        from fieldapp.tui.dialogs.review_filters import ReviewFiltersDialog

        self._inspector_names = dict(event.inspectors)

        def chosen(filters: ReviewFilters | None) -> None:
            if filters is not None:
                self.set_filters(filters)

        self.app.push_screen(
            ReviewFiltersDialog(
                self.filters, grids=event.grids, kinds=event.kinds, inspectors=event.inspectors
            ),
            chosen,
        )
