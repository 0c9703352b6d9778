"""Review (复查) for supervisors: queues, filters, sorting, bulk actions, detail, printing.

Every query runs in an exclusive thread worker that posts a message back: a page of the
queue (≤ 50 rows, `services.review.review_queue` limit/offset) with the queue counts, the
detail of the highlighted finding, a bulk action (`bulk_apply`, one transaction), a PDF.
The table holds one page; marks (space, ctrl+a / * for the page) survive paging and are
cleared when the queue or the filters change. A bulk action asks once (BulkActionDialog),
then says "applied N, refused M" and lists the refusals with their reasons; the refused
stay marked, the rest are unmarked.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Label, Tabs
from textual.worker import get_current_worker

from fieldapp.i18n import t
from fieldapp.services.review import ReviewFilters, ReviewRow, in_queue_order
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.screens.review_actions import ReviewActions
from fieldapp.tui.screens.review_rows import add_columns, filters_text, mark, page_title, row_cells
from fieldapp.tui.views.review import DetailView
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.finding_detail import FindingDetailPane
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.queue_tabs import QueueTabs, queue_binding

PAGE = 50
TABS = ("awaiting_verification", "overdue", "major", "handed_over", "conflicts", "active")
SORTS = ("deadline", "venue", "severity", "found")
# The bulk keys and their events: a key the state refuses is hidden, and says why.
NOT_NOW = {
    "v": "verified",
    "r": "rejected",
    "e": "deadline_extended",
    "h": "handed_over",
    "o": "outcome_recorded",
    "c": "closed",
}


class ReviewScreen(ReviewActions):
    # In the footer whatever the width, where they apply (`offer_actions`).
    FOOTER_PINNED = ("review.verify", "review.reject")
    PLACE = "binding.app.review"
    SECTION = True
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="review.back"),
        *(queue_binding("review", n) for n in range(1, len(TABS) + 1)),
        Binding("space", "toggle_mark", "Mark", id="review.mark"),
        Binding("ctrl+a,asterisk", "mark_page", "Mark page", id="review.mark_page"),
        Binding("v", "bulk('verified')", "Verify", id="review.verify"),
        Binding("r", "bulk('rejected')", "Reject", id="review.reject"),
        Binding("e", "bulk('deadline_extended')", "Extend", id="review.extend"),
        Binding("h", "bulk('handed_over')", "Hand over", id="review.hand_over"),
        Binding("o", "bulk('outcome_recorded')", "Outcome", id="review.outcome"),
        Binding("c", "bulk('closed')", "Close", id="review.close"),
        # Pressed where it is not offered (no chosen finding's state allows it): said why.
        *(Binding(key, f"not_now('{event}')", show=False) for key, event in NOT_NOW.items()),
        Binding("a", "acknowledge", "Acknowledge", id="review.acknowledge"),
        Binding("p", "print_notice", "Notice", id="review.notice"),
        Binding("l", "print_letter", "Letter", id="review.letter"),
        Binding("g", "filters", "Filters", id="review.filters"),
        Binding("s", "sort", "Sort", id="review.sort"),
        Binding("d", "direction", "Direction", id="review.direction"),
        Binding("i", "inspections", "Inspections", id="review.inspections"),
    ]

    # -- messages from the workers -----------------------------------------------------

    @dataclass
    class PageLoaded(Message):
        filters: ReviewFilters
        offset: int
        rows: list[ReviewRow]
        counts: dict[str, int]

    @dataclass
    class DetailLoaded(Message):
        view: DetailView

    class Denied(Message):
        """This person is not a supervisor: the screen closes."""

    def __init__(self) -> None:
        super().__init__(id="review")
        self.filters = ReviewFilters()
        self.page_offset = 0
        self.rows: list[ReviewRow] = []
        self.counts: dict[str, int] = {}
        self.marked: dict[str, ReviewRow] = {}
        self.detail: DetailView | None = None
        self._inspector_names: dict[str, str] = {}

    async def relabel(self) -> None:
        localize_bindings(self)
        await self.recompose()
        self.sub_title = t("review_ui.subtitle")
        self._setup()
        self._show_rows()
        self._show_counts()
        self.query_one(FindingDetailPane).show(self.detail)

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield QueueTabs(
            [(f"q-{q}", t(f"review.queue.{q}")) for q in TABS],
            active=f"q-{self.filters.queue}",
            id="queues",
        )
        yield Label("", id="review-filters")
        with Vertical(id="review-main"):
            yield Label(t("review_ui.loading"), id="review-page", classes="pane-title")
            yield PagedTable(id="review-table")
            yield FindingDetailPane(id="review-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("review_ui.subtitle")
        self._setup()
        self.reload()

    def _setup(self) -> None:
        table = self.query_one("#review-table", PagedTable)
        self._add_columns(table)
        table.focus()
        self._show_filters()

    def _add_columns(self, table: PagedTable) -> None:
        """The columns the screen's width has room for (its padding and a scroll bar off)."""
        gutter = self.query_one("#review-main").styles.gutter.width
        room = self.size.width - gutter - table.styles.scrollbar_size_vertical
        add_columns(table, room, self.rows)

    def on_resize(self) -> None:
        """Wider or narrower: the columns that fit now, and the page's rows in them."""
        table = self.query_one("#review-table", PagedTable)
        keep = table.cursor_row  # clearing the columns puts the cursor back on the first
        table.clear(columns=True)
        self._add_columns(table)
        self._show_rows()
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))

    # -- loading -----------------------------------------------------------------------

    def reload(self, offset: int | None = None) -> None:
        self._load_page(self.filters, self.page_offset if offset is None else offset)

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-page")
    def _load_page(self, filters: ReviewFilters, offset: int) -> None:
        from fieldapp.services import review
        from fieldapp.services.common.identity import me
        from fieldapp.store import db

        with db.connection_context():
            if not me().is_supervisor:
                self.post_message(self.Denied())
                return
            counts = review.queue_counts(filters)
            total = counts.get(filters.queue, 0)
            offset = max(0, min(offset, (max(total, 1) - 1) // PAGE * PAGE))
            rows = review.review_queue(filters, limit=PAGE, offset=offset)
        if not get_current_worker().is_cancelled:
            self.post_message(self.PageLoaded(filters, offset, rows, counts))

    @on(PageLoaded)
    def _page_loaded(self, event: PageLoaded) -> None:
        if event.filters != self.filters:
            return  # an answer to filters changed since
        self.page_offset, self.rows, self.counts = event.offset, event.rows, event.counts
        for row in self.rows:  # a marked finding as it is now (its state decides the offer)
            if row.finding_id in self.marked:
                self.marked[row.finding_id] = row
        self._show_counts()
        self.on_resize()  # the page's rows, in columns fitted to their deadlines

    @on(Denied)
    def _denied(self) -> None:
        self.app.notify(t("review.refused.supervisor_only"), severity="error")
        self.dismiss(None)

    def _show_counts(self) -> None:
        self.query_one("#queues", QueueTabs).show_counts([self.counts.get(q) for q in TABS])

    def _show_rows(self) -> None:
        table = self.query_one("#review-table", PagedTable)
        keep = table.cursor_row
        table.clear()
        for row in self.rows:
            cells = row_cells(row, row.finding_id in self.marked)
            shown = (cells[str(column.key.value)] for column in table.ordered_columns)
            table.add_row(*shown, key=row.finding_id)  # type: ignore[arg-type]
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        self.offer_actions()  # another page, or none: what its findings can take
        title = self.query_one("#review-page", Label)
        if self.rows:
            title.update(self._page_title())
        else:
            title.update(t("review_ui.page_empty", queue=t(f"review.queue.{self.filters.queue}")))
            self.detail = None
            self.query_one(FindingDetailPane).show(None)

    def _show_filters(self) -> None:
        text = filters_text(self.filters, self._inspector_name)
        self.query_one("#review-filters", Label).update(text)

    def _inspector_name(self, person_id: str) -> str:
        return self._inspector_names.get(person_id, person_id[-6:])

    def set_filters(self, filters: ReviewFilters) -> None:
        """Show the list with these filters from its first page (marks are cleared)."""
        resorted = replace(filters, sort=self.filters.sort, descending=self.filters.descending)
        if resorted != self.filters:  # another set of findings, not just another order
            self.marked.clear()
        self.filters = filters
        self.page_offset = 0
        self._show_filters()
        self.reload(0)

    # -- paging and queues --------------------------------------------------------------

    @on(PagedTable.PageRequested, "#review-table")
    def _page_requested(self, event: PagedTable.PageRequested) -> None:
        event.stop()
        offset = self.page_offset + event.step * PAGE
        total = self.counts.get(self.filters.queue, 0)
        if offset < 0 or offset >= total:
            self.app.bell()
            return
        self.reload(offset)

    def action_queue(self, index: int) -> None:
        self.query_one("#queues", Tabs).active = f"q-{TABS[index]}"

    @on(Tabs.TabActivated, "#queues")
    def _queue_chosen(self, event: Tabs.TabActivated) -> None:
        queue = (event.tab.id or "").removeprefix("q-")
        if queue in TABS and queue != self.filters.queue:
            self.set_filters(replace(self.filters, queue=queue))
        self.query_one("#review-table", PagedTable).focus()

    def action_sort(self) -> None:
        following = SORTS[(SORTS.index(self.filters.sort) + 1) % len(SORTS)]
        self.set_filters(replace(self.filters, sort=following))

    def action_direction(self) -> None:
        self.set_filters(replace(self.filters, descending=not self.filters.descending))

    def action_back(self) -> None:
        self.dismiss(None)

    # -- the highlighted finding ---------------------------------------------------------

    @property
    def highlighted(self) -> ReviewRow | None:
        key = self.query_one("#review-table", PagedTable).selected_key
        return next((r for r in self.rows if r.finding_id == key), None)

    @on(PagedTable.RowHighlighted, "#review-table")
    def _row_highlighted(self, event: PagedTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value is not None:  # cleared table
            self._load_detail(str(event.row_key.value))

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-detail")
    def _load_detail(self, finding_id: str) -> None:
        from fieldapp.store import db
        from fieldapp.tui.views.review import build_detail_view

        with db.connection_context():
            view = build_detail_view(finding_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.DetailLoaded(view))

    @on(DetailLoaded)
    def _detail_loaded(self, event: DetailLoaded) -> None:
        row = self.highlighted
        if row is None or row.finding_id != event.view.finding_id:
            return
        self.detail = event.view
        self.query_one(FindingDetailPane).show(event.view)

    @on(DataTable.RowSelected, "#review-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        """Enter on a hazard opens its photo, as the photo pane's title says."""
        event.stop()
        row = self.highlighted
        if row is not None and self.detail is not None and self.detail.finding_id == row.finding_id:
            self.query_one(FindingDetailPane).open_photo()

    @on(FindingDetailPane.PhotoChosen)
    def _photo_chosen(self, event: FindingDetailPane.PhotoChosen) -> None:
        from fieldapp.tui.screens.viewer import open_and_say

        open_and_say(self, event.path, event.label)

    # -- marks -------------------------------------------------------------------------

    def action_toggle_mark(self) -> None:
        row = self.highlighted
        if row is None:
            return
        if self.marked.pop(row.finding_id, None) is None:
            self.marked[row.finding_id] = row
        table = self.query_one("#review-table", PagedTable)
        table.update_cell(row.finding_id, "mark", mark(row.finding_id in self.marked))
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
        self._show_rows_title()

    def action_mark_page(self) -> None:
        if self.rows and all(r.finding_id in self.marked for r in self.rows):
            for r in self.rows:
                self.marked.pop(r.finding_id, None)
        else:
            self.marked.update({r.finding_id: r for r in self.rows})
        table = self.query_one("#review-table", PagedTable)
        for r in self.rows:
            table.update_cell(r.finding_id, "mark", mark(r.finding_id in self.marked))
        self._show_rows_title()

    def _show_rows_title(self) -> None:
        self.offer_actions()  # the marks changed: what they can take
        if not self.rows:
            return
        self.query_one("#review-page", Label).update(self._page_title())

    def _page_title(self) -> str:
        return page_title(
            self.filters.queue,
            self.page_offset,
            len(self.rows),
            self.counts.get(self.filters.queue, 0),
            len(self.marked),
        )

    def targets(self) -> list[ReviewRow]:
        """The marked findings in the queue's order (the dialogs list them so, not in the
        order they were marked), or else the highlighted one."""
        if self.marked:
            return in_queue_order(self.marked.values(), self.filters)
        row = self.highlighted
        return [row] if row is not None else []

    # -- inspections -------------------------------------------------------------------

    @dataclass
    class InspectionFound(Message):
        inspection_id: str | None
        position: int | None

    def action_inspections(self) -> None:
        """The inspection that recorded the highlighted hazard: in the inspection review
        list with the cursor on it, or, when that list leaves it out (reviewed already),
        its read-only record. With no hazard highlighted, the list."""
        row = self.highlighted
        if row is None:
            self.post_message(self.InspectionFound(None, None))
            return
        self._find_inspection(row.finding_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-inspection")
    def _find_inspection(self, finding_id: str) -> None:
        from fieldapp.services.review import inspections as service
        from fieldapp.store import db

        with db.connection_context():
            inspection_id = service.finding_inspection(finding_id)
            position = None
            if inspection_id is not None:
                position = service.position_submitted(inspection_id)
        self.post_message(self.InspectionFound(inspection_id, position))

    @on(InspectionFound)
    def _inspection_found(self, event: InspectionFound) -> None:
        from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
        from fieldapp.tui.screens.inspection_review import InspectionReviewScreen

        if event.inspection_id is None:
            self.app.push_screen(InspectionReviewScreen())
        elif event.position is None:
            self.app.push_screen(InspectionRecordScreen(event.inspection_id))
        else:
            self.app.push_screen(InspectionReviewScreen(event.inspection_id, event.position))

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.counts:
            self.reload()
