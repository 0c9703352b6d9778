"""Submitted inspections for the supervisor: manual-presence ones flagged; mark reviewed
(k) or return with a comment (t) that reaches the inspector after sync.

Pages from the store (`list_submitted` limit/offset) in thread workers, like the review
list. `s` cycles what is shown (awaiting review, returned, reviewed, all); `m` shows only
the inspections whose presence was confirmed by hand (no placard scanned); `p` cycles the
proof filter (verified scan, scan unverified, manual with reason, photo flags, any). The
flag column says ✗ for a scan the server could not verify, ⚠ for manual presence and !
for a flagged photo; the detail says why.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Header, Label, Static
from textual.worker import get_current_worker

from fieldapp.domain.proof import STRENGTHS
from fieldapp.i18n import t
from fieldapp.services.common.presence_words import reason_with_note
from fieldapp.services.review.inspections import InspectionFilters, SubmittedRow
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.views.review import local_stamp
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.table import Cut
from fieldapp.tui.widgets.venue_names import VenueName

PAGE = 50
VIEWS: tuple[str | None, ...] = ("", "returned", "reviewed", None)  # review_state filter
MANUAL = "⚠"
UNVERIFIED = "✗"
PHOTO_FLAG = "!"
PROOF_VIEWS: tuple[str | None, ...] = (None, *STRENGTHS)


def flag_text(row: SubmittedRow) -> str:
    presence = UNVERIFIED if row.unverified else MANUAL if row.manual else ""
    return presence + (PHOTO_FLAG if row.proof_flags else "")


def view_name(state: str | None) -> str:
    return t(f"review_ui.inspection_state.{'all' if state is None else state or 'pending'}")


class InspectionReviewScreen(FieldScreen[None]):
    REMOUNT_ON_RELABEL = True
    PLACE = "binding.review.inspections"
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="inspections.back"),
        Binding("enter", "open_record", "View", id="inspections.open", priority=True),
        Binding("k", "reviewed", "Reviewed", id="inspections.reviewed"),
        Binding("t", "return_inspection", "Return", id="inspections.return"),
        Binding("m", "manual_only", "Manual only", id="inspections.manual_only"),
        Binding("s", "cycle_view", "Show", id="inspections.view"),
        Binding("p", "cycle_proof", "Proof", id="inspections.proof"),
    ]

    @dataclass
    class PageLoaded(Message):
        filters: InspectionFilters
        offset: int
        rows: list[SubmittedRow]
        total: int

    @dataclass
    class Said(Message):
        text: str
        severity: str = "information"

    def __init__(self, focus: str | None = None, position: int = 0) -> None:
        """`focus`: an inspection to put the cursor on, at `position` in the list (as
        `position_submitted` gives it under the default filters)."""
        super().__init__(id="inspection-review")
        self.filters = InspectionFilters()
        self.focus_id = focus
        self.page_offset = position // PAGE * PAGE if focus else 0
        self.total = 0
        self.rows: list[SubmittedRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="inspections-filters")
        with Vertical(id="inspections-main"):
            yield Label(t("review_ui.loading"), id="inspections-page", classes="pane-title")
            yield PagedTable(id="inspections-table")
            yield Static("", id="inspections-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("review_ui.inspections.subtitle")
        table = self.query_one("#inspections-table", PagedTable)
        for key, width in (
            ("flag", 3),
            ("submitted", 16),
            ("code", 9),
            ("venue", 26),
            ("inspector", 6),
            ("failures", 4),
            ("state", 8),
            ("comment", 24),
        ):
            label = "" if key == "flag" else t(f"review_ui.icol.{key}")
            # A header is never cut: "Inspector" read "Inspec" at 6 cells.
            table.add_column(label, key=key, width=max(width, cell_len(label)))
        table.focus()
        self._show_filters()
        self.reload()

    # -- loading -----------------------------------------------------------------------

    def reload(self, offset: int | None = None) -> None:
        self._load(self.filters, self.page_offset if offset is None else offset)

    @work(thread=True, exclusive=True, exit_on_error=False, group="inspections-page")
    def _load(self, filters: InspectionFilters, offset: int) -> None:
        from fieldapp.services.review import inspections as service
        from fieldapp.store import db

        with db.connection_context():
            total = service.count_submitted(filters)
            offset = max(0, min(offset, (max(total, 1) - 1) // PAGE * PAGE))
            rows = service.list_submitted(filters, limit=PAGE, offset=offset)
        if not get_current_worker().is_cancelled:
            self.post_message(self.PageLoaded(filters, offset, rows, total))

    @on(PageLoaded)
    def _loaded(self, event: PageLoaded) -> None:
        if event.filters != self.filters:
            return
        self.page_offset, self.rows, self.total = event.offset, event.rows, event.total
        table = self.query_one("#inspections-table", PagedTable)
        keep = table.cursor_row
        table.clear()
        for row in self.rows:
            table.add_row(
                flag_text(row),
                local_stamp(row.submitted_at)[:16],
                row.venue_code,
                VenueName(row.venue_name),  # type: ignore[arg-type]  # its own part kept
                Cut(row.inspector_name),  # type: ignore[arg-type]
                str(row.failures),
                view_name(row.review_state),
                Cut(row.review_comment),  # type: ignore[arg-type]
                key=row.inspection_id,
            )
        keys = [row.inspection_id for row in self.rows]
        if self.focus_id in keys:
            keep = keys.index(self.focus_id)
        self.focus_id = None  # once: later reloads keep the cursor where it is
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
            self.query_one("#inspections-page", Label).update(
                t(
                    "review_ui.inspections.page",
                    first=self.page_offset + 1,
                    last=self.page_offset + len(self.rows),
                    total=self.total,
                )
            )
        else:
            self.query_one("#inspections-page", Label).update(t("review_ui.inspections.empty"))
            self.query_one("#inspections-detail", Static).update("")

    def _show_filters(self) -> None:
        parts = [t("review_ui.inspections.showing", view=view_name(self.filters.review_state))]
        if self.filters.manual_only:
            parts.append(t("review_ui.inspections.manual_only"))
        if self.filters.proof is not None:
            parts.append(t("proof.filter", strength=t(f"proof.strength.{self.filters.proof}")))
        self.query_one("#inspections-filters", Label).update(" · ".join(parts))

    def _set_filters(self, filters: InspectionFilters) -> None:
        self.filters = filters
        self.page_offset = 0
        self._show_filters()
        self.reload(0)

    @on(PagedTable.PageRequested, "#inspections-table")
    def _page_requested(self, event: PagedTable.PageRequested) -> None:
        event.stop()
        offset = self.page_offset + event.step * PAGE
        if offset < 0 or offset >= self.total:
            self.app.bell()
            return
        self.reload(offset)

    @property
    def highlighted(self) -> SubmittedRow | None:
        key = self.query_one("#inspections-table", PagedTable).selected_key
        return next((r for r in self.rows if r.inspection_id == key), None)

    @on(PagedTable.RowHighlighted, "#inspections-table")
    def _row_highlighted(self) -> None:
        row = self.highlighted
        if row is None:
            return
        from fieldapp.services.review.proof import proof_lines

        lines = [f"{row.venue_name} {row.venue_code} · {row.inspector_name}"]
        if row.manual and not row.unverified:
            reason = reason_with_note(row.presence_reason, row.presence_note)
            lines.append(f"{MANUAL} {t('review.inspection.manual')} {reason}".rstrip())
        lines += proof_lines(row)
        if row.review_comment:
            lines.append(t("review_ui.inspections.comment", comment=row.review_comment))
        self.query_one("#inspections-detail", Static).update("\n".join(lines))

    # -- actions -----------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_open_record(self) -> None:
        """The highlighted inspection whole, read-only: answers, notes, photos, hazards."""
        from fieldapp.tui.screens.inspection_record import InspectionRecordScreen

        row = self.highlighted
        if row is not None:
            self.app.push_screen(InspectionRecordScreen(row.inspection_id))

    @on(PagedTable.RowSelected, "#inspections-table")
    def _row_selected(self, event: PagedTable.RowSelected) -> None:
        event.stop()  # a click on a row (Enter is the screen's priority binding)
        self.action_open_record()

    def action_manual_only(self) -> None:
        self._set_filters(replace(self.filters, manual_only=not self.filters.manual_only))

    def action_cycle_proof(self) -> None:
        following = PROOF_VIEWS[(PROOF_VIEWS.index(self.filters.proof) + 1) % len(PROOF_VIEWS)]
        self._set_filters(replace(self.filters, proof=following))

    def action_cycle_view(self) -> None:
        following = VIEWS[(VIEWS.index(self.filters.review_state) + 1) % len(VIEWS)]
        self._set_filters(replace(self.filters, review_state=following))

    def action_reviewed(self) -> None:
        row = self.highlighted
        if row is not None:
            self._review(row.inspection_id, "reviewed", "")

    def action_return_inspection(self) -> None:
        from fieldapp.tui.dialogs.review_comment import CommentDialog

        row = self.highlighted
        if row is None:
            return

        def written(comment: str | None) -> None:
            if comment:
                self._review(row.inspection_id, "returned", comment)

        title = t("review_ui.inspections.return_title")
        body = f"{row.venue_name} {row.venue_code} · {row.inspector_name}"
        self.app.push_screen(CommentDialog(title, body), written)

    @work(thread=True, exclusive=True, exit_on_error=False, group="inspections-review")
    def _review(self, inspection_id: str, state: str, comment: str) -> None:
        from fieldapp.services.review import inspections as service
        from fieldapp.store import db

        with db.connection_context():
            try:
                if state == "returned":
                    service.return_inspection(inspection_id, comment)
                else:
                    service.mark_reviewed(inspection_id, comment)
            except ValueError as refused:  # NotPermitted, not submitted, comment missing
                self.post_message(self.Said(str(refused), "error"))
                return
        self.post_message(self.Said(t(f"review_ui.inspections.done_{state}")))
        self.app.post_message(SyncRequested(service.OUTBOX_TYPE))

    @on(Said)
    def _said(self, event: Said) -> None:
        self.notify(event.text, severity=event.severity)  # type: ignore[arg-type]
        self.reload()
