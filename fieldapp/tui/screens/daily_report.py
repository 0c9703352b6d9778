"""The daily report (F8): choose one of my grids, see the day's counts from the store, add
remarks, file the report (F10) or a zero report (z, once its grid and date are confirmed:
a zero report filed for the wrong village is a false statement). F10 on a grid that filed
today, or while a report is being filed, files nothing: it says when it was filed and asks
whether to file a correction (the newest report stands), so a second press is no second
report. The state line under the figures says a report was filed, with no toast over it.
The grid list stops at its ends, so Home then ↑ stays on the first grid. Supervisors
also see which grids under them filed, filed a zero report, are missing or late.

Remarks typed and not filed are asked about before Esc or another grid throws them away,
and the app's keys act from their field (`daily_report_remarks`); what was filed today is
known from `daily_report_filed`, F10 and z file from `daily_report_filing`, and the deadline
reminder is `report_reminders`.
"""

from __future__ import annotations

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
    Input,
    Label,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)

from fieldapp.i18n import t
from fieldapp.tui.screens.daily_report_filing import ReportFiling
from fieldapp.tui.screens.daily_report_grids import GridOptionList
from fieldapp.tui.screens.daily_report_status import StatusTab
from fieldapp.tui.screens.tab_keys import tab_bindings
from fieldapp.tui.views.incidents import incident_lines
from fieldapp.tui.views.report_lines import (
    GridLine,
    GridReport,
    filed_text,
    grid_lines,
    read_grid_report,
    status_title,
)
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.phrase_static import PhraseStatic
from fieldapp.tui.widgets.queue_tabs import queue_tab_label
from fieldapp.tui.widgets.table import Table

PEOPLE_KEYS = ("new_arrivals", "returnees_registered", "under_observation", "abnormal_readings",
               "handed_over")  # fmt: skip


class DailyReportScreen(ReportFiling, StatusTab):
    """File the day's report for one of my grids; supervisors see every grid's status."""

    REMOUNT_ON_RELABEL = True

    PLACE = "binding.app.daily_report"
    SECTION = True

    CSS_PATH = "rounds.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("z", "zero_report", "Zero report", id="report.zero"),
        Binding("f10", "file_report", "File report", id="report.file"),
        Binding("r", "refresh", "Refresh", id="report.refresh"),
        Binding("enter", "file_for_row", "File for this grid", id="report.open", priority=True),
        Binding("escape", "back", "Back", id="report.back"),
        *tab_bindings("report", 2),
    ]

    @dataclass
    class Ready(Message):
        lines: tuple[GridLine, ...]
        supervisor: bool

    @dataclass
    class GridLoaded(Message):
        report: GridReport

    def __init__(self) -> None:
        super().__init__(id="daily-report")
        self.lines: tuple[GridLine, ...] = ()
        self.grid: str | None = None
        self.report: GridReport | None = None
        self.supervisor = False
        self.filing = False  # a report is being filed: F10 and z file nothing more
        self.filed_at: dict[str, str] = {}  # see FiledToday
        self.filed_zero: dict[str, bool] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="report-tabs"):
            with TabPane(queue_tab_label(1, t("report.tab.file")), id="tab-file"), Horizontal():
                with Vertical(id="report-grids-pane"):
                    yield Label(t("report.my_grids"), classes="pane-title")
                    yield GridOptionList(id="report-grids")
                with Vertical(id="report-form"):
                    # Broken where a phrase ends, not "…2026-12-07 日" / "报，截止18:00" at 80.
                    yield PhraseStatic(
                        t("rounds.loading"), id="report-grid-title", classes="pane-title"
                    )
                    yield Static("", id="report-counts")
                    yield Label("", id="report-state")
                    yield Label(t("report.remarks"), id="report-remarks-label")
                    yield Input(placeholder=t("report.remarks.placeholder"), id="report-remarks")
                    yield Static(t("report.hint"), id="report-hint")
            with TabPane(queue_tab_label(2, t("report.tab.status")), id="tab-status"):
                yield Label("", id="report-status-title", classes="pane-title")
                yield Table(id="report-status", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("report.subtitle")
        table = self.query_one("#report-status", DataTable)
        for key in ("grid", "code", "deadline", "state", "submitted"):
            table.add_column(t(f"report.col.{key}"), key=key)
        self.query_one(TabbedContent).hide_tab("tab-status")
        self.query_one("#report-grids", OptionList).focus()
        self._start()

    # -- loading -----------------------------------------------------------------------

    def action_refresh(self) -> None:
        self._start()

    @work(thread=True, exclusive=True, exit_on_error=False, group="report-start")
    def _start(self) -> None:
        from fieldapp.services.common.identity import me
        from fieldapp.store import db

        with db.connection_context():
            who = me()
            lines = grid_lines()
        self.post_message(self.Ready(lines, who.is_supervisor))

    @on(Ready)
    def _ready(self, event: Ready) -> None:
        self.lines = event.lines
        self.supervisor = event.supervisor
        options = self.query_one("#report-grids", OptionList)
        highlighted = options.highlighted
        self._fill_grids()
        if event.lines:
            codes = [line.code for line in event.lines]
            index = codes.index(self.grid) if self.grid in codes else (highlighted or 0)
            options.highlighted = min(index, len(codes) - 1)
        if event.supervisor:
            self.query_one(TabbedContent).show_tab("tab-status")
            self._show_status(event.lines)

    def _fill_grids(self) -> None:
        """The grid list, each name fitted to the list's width (see GridOptionList)."""
        self.query_one("#report-grids", GridOptionList).show(self.lines)

    def _show_status(self, lines: tuple[GridLine, ...]) -> None:
        table = self.query_one("#report-status", DataTable)
        table.clear()
        for line in lines:
            table.add_row(
                f"{'  ' * line.depth}{line.name}",
                line.code,
                line.deadline,
                t(f"report.status.{line.state}"),
                line.submitted,
                key=line.code,
            )
        self.query_one("#report-status-title", Label).update(status_title(lines))

    @on(OptionList.OptionHighlighted, "#report-grids")
    def _grid_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        code = event.option.id
        if code is not None and code != self.grid:  # the remarks typed were for self.grid
            self.unless_kept(lambda: self._show_grid(code), self._highlight_grid)
        elif code is not None:
            self._load_grid(code)

    def _show_grid(self, code: str) -> None:
        self.grid = code
        self.query_one("#report-remarks", Input).value = ""
        self._load_grid(code)

    def _highlight_grid(self) -> None:
        codes = [line.code for line in self.lines]
        if self.grid in codes:
            self.query_one("#report-grids", OptionList).highlighted = codes.index(self.grid)

    @work(thread=True, exclusive=True, exit_on_error=False, group="report-grid")
    def _load_grid(self, code: str) -> None:
        from fieldapp.store import db

        with db.connection_context():
            report = read_grid_report(code)
        self.post_message(self.GridLoaded(report))

    @on(GridLoaded)
    def _grid_loaded(self, event: GridLoaded) -> None:
        report = self.report = event.report
        if report.submitted:  # the state read says it from now on
            self.filed_at.pop(report.code, None)
            self.filed_zero.pop(report.code, None)
        if report.code != self.grid:
            return
        self.query_one("#report-grid-title", PhraseStatic).update(
            t(
                "report.grid_title",
                grid=report.name,
                code=report.code,
                date=report.day.isoformat(),
                deadline=report.deadline,
            )
        )
        c = report.counts
        text = (
            t(
                "report.counts",
                inspections=c.get("inspections", 0),
                found=c.get("hazards_found", 0),
                major=c.get("major_hazards_found", 0),
                closed=c.get("hazards_closed", 0),
            )
            + incident_lines(c)
            + report.work
        )
        if "under_observation" in c:  # the grid keeps a people registry
            text += "\n" + t("report.people_counts", **{k: c.get(k, 0) for k in PEOPLE_KEYS})
        self.query_one("#report-counts", Static).update(text)
        state = t(f"report.status.{report.state}")
        said = (
            filed_text(report)
            if report.submitted
            else t("report.state.open", state=state, deadline=report.deadline)
        )
        if report.contradicted:  # kept as filed, but no longer true: said, and what to do
            said = f"{said}\n{t('report.state.contradicted', what=report.contradicted)}"
        self.query_one("#report-state", Label).update(said)
