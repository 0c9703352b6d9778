"""Rounds (F7): the due list by bucket and grid, today's round, and for supervisors the
due counts by inspector and the completion tree (area → village → town).

Space puts the venue under the cursor on today's round (or takes it off); on the round,
ctrl+up/ctrl+down (or K/J) move a stop, delete removes it, enter opens it through the
app's VenueChosen flow (presence dialog → inspection). Every read and write runs in a
thread worker that posts a message back; the round's edits are in `rounds_stops`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import (
    DataTable,
    Header,
    Label,
    Select,
    TabbedContent,
    TabPane,
    Tree,
)

from fieldapp.i18n import t
from fieldapp.tui.screens import VenueChosen
from fieldapp.tui.screens.rounds_panes import CompletionTree, RoundPane
from fieldapp.tui.screens.rounds_stops import RoundStops
from fieldapp.tui.views.due_list import DueRow, venue_label
from fieldapp.tui.views.rounds import (
    CompletionLine,
    InspectorLine,
    RoundView,
    read_due,
    read_overview,
    read_round,
)
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import selected_key
from fieldapp.tui.widgets.table import Table
from fieldapp.tui.widgets.venue_names import VenueName

PAGE = 50
BUCKET_CHOICES = ("all", "overdue", "today", "week")


class RoundsScreen(RoundStops):
    """The due list beside today's round; supervisors also see two more tabs."""

    REMOUNT_ON_RELABEL = True

    PLACE = "binding.app.rounds"
    SECTION = True

    RETURN_AFTER_SUBMIT = True

    CSS_PATH = "rounds.tcss"
    # Under 100 columns the round goes below the due list, each pane the full width: side
    # by side at 80 the venue names were cut to three characters.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_stop", "Add/remove", id="rounds.toggle"),
        Binding("o", "open_venue", "Open", id="rounds.open"),
        Binding("ctrl+up,K", "move(-1)", "Move up", id="rounds.move_up"),
        Binding("ctrl+down,J", "move(1)", "Move down", id="rounds.move_down"),
        Binding("delete", "remove_stop", "Remove", id="rounds.remove"),
        Binding("b", "next_bucket", "Bucket", id="rounds.bucket"),
        Binding("n", "due_page(1)", "Next page", id="rounds.next_page", show=False),
        Binding("p", "due_page(-1)", "Prev page", id="rounds.prev_page", show=False),
        Binding("r", "refresh", "Refresh", id="rounds.refresh"),
        Binding("escape", "back", "Back", id="rounds.back"),
    ]

    @dataclass
    class Ready(Message):
        today: dt.date
        supervisor: bool
        grids: tuple[tuple[str, str], ...]  # (code, name) of my grids and those under them

    @dataclass
    class DueLoaded(Message):
        lines: tuple[DueRow, ...]
        offset: int
        total: int

    @dataclass
    class OverviewLoaded(Message):
        inspectors: tuple[InspectorLine, ...]
        completion: tuple[CompletionLine, ...]
        first: dt.date
        last: dt.date

    def __init__(self) -> None:
        super().__init__(id="rounds")
        self.today: dt.date | None = None
        self.bucket = "all"
        self.grid: str | None = None
        self.due_offset = 0
        self.due_total = 0
        self.round_view: RoundView | None = None
        self.due_lines: tuple[DueRow, ...] = ()
        self.supervisor = False

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="rounds-tabs"):
            with TabPane(t("rounds.tab.plan"), id="tab-plan"), Horizontal(id="plan"):
                with Vertical(id="due-pane"):
                    with Horizontal(id="due-filters"):
                        yield Select(
                            [(t(f"rounds.bucket.{b}"), b) for b in BUCKET_CHOICES],
                            value="all",
                            allow_blank=False,
                            id="due-bucket",
                        )
                        yield Select[str]([], prompt=t("rounds.all_grids"), id="due-grid")
                    yield Label(t("rounds.loading"), id="rounds-due-title", classes="pane-title")
                    yield PagedTable(id="rounds-due")
                yield RoundPane(id="round-pane")
            with TabPane(t("rounds.tab.inspectors"), id="tab-inspectors"):
                yield Label("", id="inspectors-title", classes="pane-title")
                yield Table(id="by-inspector", cursor_type="row", zebra_stripes=True)
            with TabPane(t("rounds.tab.completion"), id="tab-completion"):
                yield Label("", id="completion-title", classes="pane-title")
                yield CompletionTree(t("rounds.completion.root"), id="completion-tree")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("rounds.subtitle")
        due = self.query_one("#rounds-due", PagedTable)
        for key in ("mark", "bucket", "due", "code", "name", "kind", "grid"):
            due.add_column(t(f"rounds.col.{key}"), key=key)
        due.squeezed = ("name", "name")  # a long name ends with "…" at the pane's edge
        stops = self.query_one("#round-stops", Table)
        stops.squeezed = ("name", "name")
        for key in ("position", "done", "code", "name"):
            stops.add_column(t(f"rounds.col.{key}"), key=key)
        people = self.query_one("#by-inspector", DataTable)
        for key in ("inspector", "grids", "overdue", "today", "week"):
            people.add_column(t(f"rounds.col.{key}"), key=key)
        self.query_one("#completion-tree", Tree).show_root = False
        tabs = self.query_one(TabbedContent)
        tabs.hide_tab("tab-inspectors")
        tabs.hide_tab("tab-completion")
        due.focus()
        self._start()

    def on_screen_resume(self) -> None:
        # Back from an inspection: a stop may be done now.
        if self.today is not None:
            self.action_refresh()

    # -- loading -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="rounds-start")
    def _start(self) -> None:
        from fieldapp.domain.clock import today
        from fieldapp.services.common.grid_tree import grid_tree
        from fieldapp.services.common.identity import me
        from fieldapp.store import db

        with db.connection_context():
            who = me()
            nodes = grid_tree([code for code, _ in who.grids])
            grids = tuple((n.code, "　" * n.depth + n.name) for n in nodes)
            self.post_message(self.Ready(today(), who.is_supervisor, grids))

    @on(Ready)
    def _ready(self, event: Ready) -> None:
        self.today = event.today
        self.supervisor = event.supervisor
        self.query_one("#due-grid", Select).set_options(
            [(name, code) for code, name in event.grids]
        )
        if event.supervisor:
            tabs = self.query_one(TabbedContent)
            tabs.show_tab("tab-inspectors")
            tabs.show_tab("tab-completion")
        self.action_refresh()

    def action_refresh(self) -> None:
        if self.today is None:
            return
        self._load_due(self.bucket, self.grid, self.due_offset)
        self._load_round()
        if self.supervisor:
            self._load_overview()

    @work(thread=True, exclusive=True, exit_on_error=False, group="rounds-due")
    def _load_due(self, bucket: str, grid: str | None, offset: int) -> None:
        from fieldapp.store import db

        with db.connection_context():
            lines, total = read_due(bucket, grid, offset, PAGE)
        self.post_message(self.DueLoaded(lines, offset, total))

    @work(thread=True, exclusive=True, exit_on_error=False, group="rounds-round")
    def _load_round(self) -> None:
        from fieldapp.domain.clock import today
        from fieldapp.store import db

        with db.connection_context():
            view = read_round(today())
        self.post_message(self.RoundLoaded(view))

    @work(thread=True, exclusive=True, exit_on_error=False, group="rounds-overview")
    def _load_overview(self) -> None:
        from fieldapp.domain.clock import today
        from fieldapp.store import db

        day = today()
        first = day.replace(day=1)
        with db.connection_context():
            inspectors, completion = read_overview(first, day)
        self.post_message(self.OverviewLoaded(inspectors, completion, first, day))

    # -- showing -----------------------------------------------------------------------

    @on(DueLoaded)
    def _due_loaded(self, event: DueLoaded) -> None:
        self.due_offset, self.due_total, self.due_lines = event.offset, event.total, event.lines
        self._show_due()

    def _show_due(self) -> None:
        table = self.query_one("#rounds-due", PagedTable)
        keep = table.cursor_row
        on_round = {s.venue_id for s in self.round_view.stops} if self.round_view else set()
        table.clear()
        for line in self.due_lines:
            table.add_row(
                "✓" if line.venue_id in on_round else "",
                t(f"bucket.{line.bucket}"),
                line.due_on.isoformat() if line.due_on else t("home.never"),
                line.code,
                VenueName(line.name),  # type: ignore[arg-type]  # fitted to its column
                t(f"kind.{line.kind}"),
                line.grid,
                key=line.venue_id,
            )
        if self.due_lines:
            table.move_cursor(row=min(keep, len(self.due_lines) - 1))
        title = self.query_one("#rounds-due-title", Label)
        label = t(f"rounds.bucket.{self.bucket}")
        if self.due_lines:
            title.update(
                t(
                    "rounds.due.title",
                    bucket=label,
                    count=self.due_total,
                    first=self.due_offset + 1,
                    last=self.due_offset + len(self.due_lines),
                )
            )
        else:
            title.update(t("rounds.due.empty", bucket=label))

    @on(RoundStops.RoundLoaded)
    def _round_loaded(self, event: RoundStops.RoundLoaded) -> None:
        self.round_view = event.view
        self.query_one(RoundPane).show(event.view)
        self._show_due()  # the ✓ marks follow the round

    @on(OverviewLoaded)
    def _overview_loaded(self, event: OverviewLoaded) -> None:
        people = self.query_one("#by-inspector", DataTable)
        people.clear()
        for person in event.inspectors:
            people.add_row(person.name, person.grids, person.overdue, person.today, person.week)
        self.query_one("#inspectors-title", Label).update(
            t("rounds.inspectors.title", count=len(event.inspectors))
        )
        self.query_one("#completion-title", Label).update(
            t("rounds.completion.title", first=event.first.isoformat(), last=event.last.isoformat())
        )
        self.query_one(CompletionTree).show(event.completion)

    # -- actions -----------------------------------------------------------------------

    def action_open_venue(self) -> None:
        table = self._focused_table()
        if table is None:
            return
        venue_id = selected_key(table)
        if venue_id is not None:
            self.post_message(VenueChosen(venue_id, self._label(venue_id)))

    def _label(self, venue_id: str) -> str:
        stops = self.round_view.stops if self.round_view else ()
        return venue_label(venue_id, stops, self.due_lines)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id in ("rounds-due", "round-stops"):
            self.action_open_venue()

    def action_next_bucket(self) -> None:
        position = BUCKET_CHOICES.index(self.bucket)
        self.query_one("#due-bucket", Select).value = BUCKET_CHOICES[
            (position + 1) % len(BUCKET_CHOICES)
        ]

    @on(Select.Changed, "#due-bucket")
    def _bucket_changed(self, event: Select.Changed) -> None:
        self.bucket = str(event.value)
        self.due_offset = 0
        if self.today is not None:
            self._load_due(self.bucket, self.grid, 0)

    @on(Select.Changed, "#due-grid")
    def _grid_changed(self, event: Select.Changed) -> None:
        self.grid = None if event.value is Select.NULL else str(event.value)
        self.due_offset = 0
        if self.today is not None:
            self._load_due(self.bucket, self.grid, 0)

    @on(PagedTable.PageRequested, "#rounds-due")
    def _page_requested(self, event: PagedTable.PageRequested) -> None:
        event.stop()
        self.action_due_page(event.step)

    def action_due_page(self, step: int) -> None:
        offset = self.due_offset + step * PAGE
        if offset < 0 or offset >= self.due_total:
            self.app.bell()
            return
        self._load_due(self.bucket, self.grid, offset)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
