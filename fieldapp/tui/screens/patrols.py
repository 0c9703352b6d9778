"""Patrols (ctrl+g): the patrols due to me now, and attendance in my grids.

The upper list holds my routes with a window open now (or opening within half an hour):
Enter starts the run, or resumes the one in progress; on a run of mine in progress on
another device of mine (lost, broken) it asks whether to take the run over here
(`take_over`: that device's unsent visits then do not count). The lower list is attendance per
route, day and window as this device knows it after sync — missed posts (空岗漏岗) first,
then late, on time and open — with the missed checkpoints named, and the highlighted
row's route and assignee on the line under it, so its columns fit 80 (a window whose run the
server refused reads 服务器拒收: its visits are not counted; while it is highlighted its
reason shows below the list, r sends the run again and x discards it, as in F3, and on
any other row r reads the lists again: `refused_records`), and a line per person or
team. `[` and `]` move a day, `w` shows the last seven days and again one day; `v` on a
window walked (in either list; Enter too in the attendance list) opens its checkpoint
visits with their notes and photos (`patrol_visits`); a supervisor's `c` on a window whose
run is open on another device (lost) closes it (`patrol_closing`). Reading runs in a worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Header, Label, Static

from fieldapp.i18n import t
from fieldapp.services.common.refused_records import RecordRefusal
from fieldapp.services.patrols.attendance import AttendanceRow
from fieldapp.tui.screens.patrol_closing import PatrolClosing
from fieldapp.tui.screens.refused_records import RefusedRecordsScreen, refused_mark
from fieldapp.tui.screens.step_keys import step_bindings
from fieldapp.tui.views.patrol_row import missed_cell
from fieldapp.tui.views.patrol_run import window_clock
from fieldapp.tui.views.patrols import PatrolsData, load_patrols
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import selected_key
from fieldapp.tui.widgets.table import Cut, Table

# The due list's route column at 80 columns: "Night round (RT-R1)  · in progress" (cut at
# "· in") and "春节烟花爆竹巡逻（DM-FW）  · 进行中" whole, beside the others ("Visited": 7).
ROUTE_CELLS = 35
# The missed checkpoints' count and codes, on as many lines as they need: with the other
# columns, padding and scrollbar, 80 wide (route and assignee, past the edge, go under it)
MISSED_CELLS = 24


class PatrolsScreen(PatrolClosing):
    SECTION = True
    PLACE = "nav.place.patrols"
    REFUSED_KIND = "patrol_run"
    BINDINGS: ClassVar[list[BindingType]] = [
        # r sends a highlighted refused run again (as in F3); on any other row, Refresh
        *RefusedRecordsScreen.BINDINGS,
        Binding("enter", "start", "Start", id="patrols.start", priority=True),
        # on a window walked in the attendance list, Enter opens its visits, as v does
        Binding("enter", "row_visits", "Visits", id="patrols.row_visits", priority=True),
        Binding("v", "visits", "Visits", id="attendance.visits"),  # on a window walked
        Binding("c", "close_run", "Close run", id="attendance.close_run"),  # `PatrolClosing`
        Binding("tab", "switch_table", "Due / attendance", id="patrols.switch"),
        *step_bindings(
            "day", ("attendance.day_back", "Day before"), ("attendance.day_next", "Day after")
        ),
        Binding("w", "week", "Last 7 days", id="attendance.week"),  # w again: one day
        Binding("w", "one_day", "One day", id="attendance.one_day"),
        Binding("r", "refresh", "Refresh", id="patrols.refresh"),
        Binding("escape", "back", "Back", id="patrols.back"),
    ]

    @dataclass
    class Loaded(Message):
        data: PatrolsData
        asked: int  # which read it answers (`_load`): only the latest is shown

    @dataclass
    class RunReady(Message):
        run_id: str

    @dataclass
    class Refused(Message):
        text: str

    @dataclass
    class TakeOverAsked(Message):
        run_id: str
        route: str

    def __init__(self) -> None:
        super().__init__(id="patrols")
        from fieldapp.domain.clock import today

        self.first = self.last = today()
        self.data: PatrolsData | None = None
        self._asked = 0  # reads asked for

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(t("patrol.due.title"), id="patrols-due-title", classes="pane-title")
        yield Table(id="patrols-due", cursor_type="row", zebra_stripes=True)
        yield Label("", id="patrols-attendance-title", classes="pane-title")
        yield Table(id="patrols-attendance", cursor_type="row", zebra_stripes=True)
        yield Static("", id="patrols-row")
        yield Label("", id="patrols-refusal")
        yield Static("", id="patrols-people")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("patrol.subtitle")
        due = self.query_one("#patrols-due", Table)
        # under 80 columns the route cut with "…" (to 12 cells) leaves the time left in sight
        due.squeezed, due.squeezed_min = ("route", "left"), 12
        # the time left, or "on other device" whole (15 cells); the window is 11
        for key, width in (("route", ROUTE_CELLS), ("window", 11), ("done", 7), ("left", 15)):
            due.add_column(t(f"patrol.attendance.col.{key}"), key=key, width=width)
        table = self.query_one("#patrols-attendance", DataTable)
        for key, width in (("day", 10), ("window", 11), ("status", 16), ("done", 7),
                           ("missed", MISSED_CELLS)):  # fmt: skip
            table.add_column(t(f"patrol.attendance.col.{key}"), key=key, width=width)
        due.focus()
        self._load(self.first, self.last)

    async def relabel(self) -> None:
        await super().relabel()
        self.on_mount()

    def on_screen_resume(self) -> None:
        self._load(self.first, self.last)

    def action_refresh(self) -> None:
        self._load(self.first, self.last)

    def synced(self) -> None:
        """What the server answered and sent (a run taken over elsewhere, visits) shows."""
        self._load(self.first, self.last)

    def action_day(self, step: int) -> None:
        self.first = self.last = self.last + dt.timedelta(days=step)
        self._load(self.first, self.last)

    def action_week(self) -> None:
        """The seven days up to the day shown (today until [ or ] moved it)."""
        self.first = self.last - dt.timedelta(days=6)
        self._load(self.first, self.last)

    def action_one_day(self) -> None:
        """Back from seven days to the last of them."""
        self.action_day(0)

    def action_switch_table(self) -> None:
        due = self.query_one("#patrols-due", DataTable)
        other = self.query_one("#patrols-attendance", DataTable)
        (other if due.has_focus else due).focus()

    def _load(self, first: dt.date, last: dt.date) -> None:
        self.refresh_bindings()  # w: seven days, or one
        self._asked += 1
        self._read(first, last, self._asked)

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrols-load")
    def _read(self, first: dt.date, last: dt.date, asked: int) -> None:
        from fieldapp.store import db

        with db.connection_context():
            data = load_patrols(first, last)
        self.post_message(self.Loaded(data, asked))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        if event.asked != self._asked:
            # A later read was asked for: this one may predate a change (the read on
            # coming back from the discard question raced the discard and came last).
            return
        data = self.data = event.data
        due = self.query_one("#patrols-due", DataTable)
        due.clear()
        for patrol in data.due:
            left = window_clock(patrol.minutes_left)
            if patrol.elsewhere:  # mine, open on my other device: not to resume here
                left = t("patrol.due.taken_over" if patrol.taken_over else "patrol.due.elsewhere")
            # a long name ends with "…", before its code and the in-progress mark, which
            # are said whole where the column has room (cut once at 60 columns too)
            resume = t("patrol.due.resume") if patrol.run_id else ""
            after = t("app.aside", text="", aside=patrol.code) + resume
            due.add_row(Cut(patrol.name, after), patrol.window, f"{patrol.done}/{patrol.total}",
                        left, key=patrol.route_id)  # type: ignore[arg-type]  # fmt: skip
        if not data.due:
            due.add_row(t("patrol.due.none"), "", "", "")
        period = (
            data.first.isoformat()
            if data.first == data.last
            else t("patrol.attendance.period", first=data.first, last=data.last)
        )
        # None scheduled: said in the title, where a row's narrow column cut it
        title = (
            f"{t('patrol.attendance.title')} · {period}"
            if data.rows
            else t("patrol.attendance.title_none", period=period)
        )
        self.query_one("#patrols-attendance-title", Label).update(title)
        table = self.query_one("#patrols-attendance", DataTable)
        table.clear()
        for n, row in enumerate(data.rows):
            # how many, and their codes (not names: one held the column), on more lines
            missed = missed_cell(row, MISSED_CELLS)
            # a word cut at its column's edge ends with "…" (Partly done (mis… said it goes on)
            status = refused_mark(self) if row.refused else Cut(t(f"patrol.status.{row.status}"))
            table.add_row(row.day.isoformat(), row.window, status, f"{row.done}/{row.total}",
                          missed, key=str(n), height=missed.count("\n") + 1)  # type: ignore[arg-type]  # fmt: skip
        lines = [t("patrol.attendance.people")] if data.people else []
        lines += [
            t("patrol.attendance.person_line", assignee=p.assignee, count=p.windows,
              on_time=p.on_time, late=p.late, not_done=p.not_done, missed_posts=p.missed_posts,
              partial=t("patrol.attendance.partial_late", partial=p.partial, count=p.partial_late)
              if p.partial_late else p.partial)
            for p in data.people
        ]  # fmt: skip
        self.query_one("#patrols-people", Static).update("\n".join(lines))
        self._say_refusal()

    @on(DataTable.RowHighlighted, "#patrols-attendance")
    def _say_refusal(self) -> None:
        self.refresh_bindings()  # Enter and v follow the highlighted window
        self._say_row()
        line = self.query_one("#patrols-refusal", Label)
        self.show_refusal(line)
        row = self._highlighted_row()
        if not line.display and row is not None and row.closed:  # closed as abandoned
            line.update(row.closed)
            line.display = True

    def _say_row(self) -> None:
        """The route and assignee of the attendance row under the cursor (no room at 80)."""
        table = self.query_one("#patrols-attendance", DataTable)
        key = selected_key(table)
        line = self.query_one("#patrols-row", Static)
        line.display = key is not None and self.data is not None and bool(self.data.rows)
        if line.display and self.data is not None and key is not None:
            row = self.data.rows[int(key)]
            route = t("app.aside", text=row.route_name, aside=row.route_code)
            line.update(t("patrol.attendance.row", route=route, assignee=row.assignee))

    @on(DataTable.RowHighlighted, "#patrols-due")
    def _due_highlighted(self) -> None:
        self.refresh_bindings()  # v shows on a window with a visit

    def on_descendant_focus(self) -> None:
        """The attendance list's reason and keys are for it alone (not in the due list)."""
        self._say_refusal()

    def _highlighted_row(self) -> AttendanceRow | None:
        table = self.query_one("#patrols-attendance", DataTable)
        key = selected_key(table)
        if not table.has_focus or key is None or self.data is None or not self.data.rows:
            return None
        return self.data.rows[int(key)]

    def highlighted_refusal(self) -> RecordRefusal | None:
        row = self._highlighted_row()
        if row is None or row.refused_run is None or self.data is None:
            return None
        return self.data.refusals.get(row.refused_run)

    def _walked_window(self) -> tuple[str, str, str] | None:
        """(route, day, window) of the highlighted row when someone walked it: a window of
        the attendance list, or of the due list with a visit (today's)."""
        row = self._highlighted_row()
        if row is not None:
            return (row.route_id, row.day.isoformat(), row.window) if row.walkers else None
        due = self.query_one("#patrols-due", DataTable)
        key = selected_key(due)
        if not due.has_focus or key is None or self.data is None:
            return None
        patrol = next((p for p in self.data.due if p.route_id == key), None)
        if patrol is None or not patrol.done:
            return None
        from fieldapp.domain.clock import today

        return patrol.route_id, today().isoformat(), patrol.window

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "visits":  # on a window someone walked, in either list
            return self._walked_window() is not None
        if action in ("week", "one_day"):  # w shows seven days, and again one
            return (action == "week") == (self.first == self.last)
        if action in ("start", "row_visits"):  # on a window walked in the attendance list,
            row = self._highlighted_row()  # Enter opens its visits, as v does
            if action == "start" and row and self.data and self.data.me not in row.people:
                return False  # a route assigned to others (a supervisor's view): not offered
            return (action == "row_visits") == (row is not None and bool(row.walkers))
        return super().check_action(action, parameters)

    def action_row_visits(self) -> None:
        self.action_visits()

    def action_visits(self) -> None:
        from fieldapp.tui.screens.patrol_visits import PatrolVisitsScreen

        walked = self._walked_window()
        if walked is not None:
            self.app.push_screen(PatrolVisitsScreen(*walked))

    def refused_subject(self) -> str:
        row = self._highlighted_row()
        if row is None:
            return ""
        return t("refused.subject.patrol_run", day=row.day.isoformat(), window=row.window,
                 route=row.route_name)  # fmt: skip

    def refusal_acted(self) -> None:
        self._load(self.first, self.last)

    def action_start(self) -> None:
        due = self.query_one("#patrols-due", DataTable)
        row = self._highlighted_row()
        if row is not None and self.data is not None:  # on the attendance list
            from fieldapp.domain.clock import local_now
            from fieldapp.tui.views.patrol_row import row_to_start

            now = local_now().replace(tzinfo=None)
            route, why = row_to_start(row, self.data.due, self.data.walked, now)
            if route is None:
                self.explain(why)
            else:
                self._start(route)
            return
        if not due.has_focus:
            self.action_switch_table()
            return
        key = selected_key(due)
        if key is None or self.data is None or not self.data.due:
            from fieldapp.tui.views.patrol_row import why_none_to_start

            self.explain(why_none_to_start(self.data))
            return
        self._start(key)

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrols-start")
    def _start(self, route_id: str) -> None:
        from fieldapp.services.patrols import runs
        from fieldapp.store import db

        with db.connection_context():
            try:
                run = runs.start_run(route_id)
            except runs.OpenElsewhere as elsewhere:  # mine on my other device: take it over?
                self.post_message(self.TakeOverAsked(elsewhere.run_id, elsewhere.route))
                return
            except runs.PatrolRefused as refused:
                self.post_message(self.Refused(str(refused)))
                return
        self.post_message(self.RunReady(run.id))

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        self.notify(event.text, severity="warning")

    @on(TakeOverAsked)
    def _take_over_asked(self, event: TakeOverAsked) -> None:
        from fieldapp.tui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._take_over(event.run_id)

        dialog = ConfirmDialog(
            t("patrol.take_over.title", route=event.route), t("patrol.take_over.body"),
            yes=t("patrol.take_over.yes"), id="patrol-take-over", safe_default=True,
        )  # fmt: skip
        self.app.push_screen(dialog, answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrols-start")
    def _take_over(self, run_id: str) -> None:
        from fieldapp.services.patrols import take_over
        from fieldapp.store import db

        with db.connection_context():
            try:
                run = take_over.take_over(run_id)
            except take_over.TakeOverRefused as refused:
                self.post_message(self.Refused(str(refused)))
                return
        self.post_message(self.RunReady(run.id))

    @on(RunReady)
    def _run_ready(self, event: RunReady) -> None:
        from fieldapp.tui.messages import WaitingChanged
        from fieldapp.tui.screens.patrol_run import PatrolRunScreen

        self.app.push_screen(PatrolRunScreen(event.run_id))
        self.app.post_message(WaitingChanged())  # the status bar: a patrol in progress

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
