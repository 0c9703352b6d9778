"""The supervisor's dashboard (F6): each plot beside the table it is drawn from.

- inspections per day, the last 30 days;
- hazards opened and closed per week, the last 12 weeks;
- the overdue trend: hazards overdue at the end of each of the last 30 days;
- completion (this month) and reporting (this month, and today's status) by grid;
- this month's assessment per grid, incidents, campaign targets (`dashboard_assessment`),
  and `m` to write the monthly report as XLSX and PDF.

The keys 1–5 show the tabs (`tab_keys`): from a table, Right did not reach 逾期趋势.

The figures come from `services.dashboard.figures` in one thread worker that posts `Loaded`; the
plots are drawn with textual-plotext (labels in plain ASCII dates; the titles above each
plot are Labels, so Chinese lines up).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Label, TabbedContent, TabPane

from fieldapp.i18n import listed, t
from fieldapp.tui.screens.dashboard_assessment import (
    AssessmentData,
    add_columns,
    compose_assessment,
    load_assessment,
    show_assessment,
    write_monthly,
)
from fieldapp.tui.screens.tab_keys import TabKeys, tab_bindings
from fieldapp.tui.views.rounds import rate_text
from fieldapp.tui.widgets.day_plot import DayPlot
from fieldapp.tui.widgets.grid_bars import GridBar, GridBars
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.legend_title import LegendTitle
from fieldapp.tui.widgets.queue_tabs import queue_tab_label
from fieldapp.tui.widgets.table import GRID_NAME_MIN, Table, grid_names

if TYPE_CHECKING:
    from fieldapp.services.dashboard.figures import DayCount, GridSummary, WeekHazards

DAYS = 30
WEEKS = 12
FIGURES = ("inspections", "hazards", "overdue", "grids")  # each a tab: a plot and its table


@dataclass(frozen=True)
class DashboardData:
    today: dt.date
    month_first: dt.date
    per_day: tuple[DayCount, ...]
    per_week: tuple[WeekHazards, ...]
    overdue: tuple[DayCount, ...]
    grids: tuple[GridSummary, ...]
    assessment: AssessmentData


def load_dashboard() -> DashboardData:
    """Every figure of the dashboard (call in a worker thread)."""
    from fieldapp.domain.clock import today
    from fieldapp.services.dashboard import figures as dashboard

    day = today()
    first = day - dt.timedelta(days=DAYS - 1)
    month_first = day.replace(day=1)
    return DashboardData(
        today=day,
        month_first=month_first,
        per_day=tuple(dashboard.inspections_per_day(first, day)),
        per_week=tuple(dashboard.hazards_per_week(day, WEEKS)),
        overdue=tuple(dashboard.overdue_trend(first, day)),
        grids=tuple(dashboard.grid_summary(month_first, day, day=day)),
        assessment=load_assessment(day),
    )


def count_ticks(*series: list[int], most: int = 5) -> list[float]:
    """Whole-number ticks from 0 to the largest count (a count of 1 is not read off an
    axis of 0.17, 0.33 …), at most `most` of them."""
    top = max((max(values, default=0) for values in series), default=0)
    step = max(1, -(-top // (most - 1)))
    return [float(n) for n in range(0, max(top, 1) + step, step)]


# The series of the two-bar charts and their colours. The legend is said in the pane's
# title, not by plotext, which counts a Chinese character as one cell and so breaks the
# chart's frame on every legend line.
LEGENDS: dict[str, dict[str, str]] = {
    "hazards": {"opened": "red", "closed": "green"},
    "grids": {"done": "blue", "reported": "yellow"},
}


def legend(name: str) -> Text:
    """`  ■ opened  ■ closed` for a chart with several series, in their colours."""
    text = Text()
    for series, colour in LEGENDS.get(name, {}).items():
        text.append("  ■ ", style=colour).append(t(f"dashboard.legend.{series}"))
    return text


# A status as short as the others in its column: "服务器拒收" / "Refused by server" took
# the width of the grid names before it at 80 columns ("第一网…" where "第一网格" was).
TODAY_SAID = {"refused": "dashboard.today.refused"}


def short_code(grid: GridSummary) -> str:
    """A grid's code without the town's (DM-1 of T01-DM-1); the town's own code whole."""
    return grid.code.partition("-")[2] or grid.code


class DashboardScreen(TabKeys):
    """Plots and their tables, one tab per figure; supervisors only."""

    REMOUNT_ON_RELABEL = True

    PLACE = "binding.app.dashboard"
    SECTION = True

    CSS_PATH = "rounds.tcss"
    # Under 100 columns the completion table takes the whole width and its chart, which
    # only repeats two of its columns, is not drawn (beside the table it was one letter
    # wide).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "monthly", "Monthly report", id="dashboard.monthly"),
        Binding("r", "refresh", "Refresh", id="dashboard.refresh"),
        Binding("escape", "back", "Back", id="dashboard.back"),
        *tab_bindings("dashboard", len(FIGURES) + 1),
    ]
    TABBED = "dashboard-tabs"
    TAB_FOCUS = (*((f"tab-{name}", f"{name}-table") for name in FIGURES),
                 ("tab-assessment", "assessment-table"))  # fmt: skip

    @dataclass
    class Loaded(Message):
        data: DashboardData

    @dataclass
    class Written(Message):
        text: str
        warning: bool = False

    @dataclass
    class NotForMe(Message):
        """The person is not a supervisor."""

    def __init__(self) -> None:
        super().__init__(id="dashboard")
        self.data: DashboardData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="dashboard-tabs"):
            for n, name in enumerate((*FIGURES, "assessment"), start=1):
                with TabPane(queue_tab_label(n, t(f"dashboard.tab.{name}")), id=f"tab-{name}"):
                    yield from self._pair(name) if name in FIGURES else compose_assessment()
        yield KeyFooter()

    def _pair(self, name: str) -> ComposeResult:
        with Horizontal(classes=f"dash-pair -{name}"):
            with Vertical(classes="dash-plot-pane"):
                yield LegendTitle(
                    Text(t(f"dashboard.{name}.plot")).append_text(legend(name)),
                    id=f"{name}-plot-title",
                    classes="pane-title",
                )
                if name == "grids":
                    colours = tuple(LEGENDS["grids"].values())
                    yield GridBars(colours, id="grids-plot", classes="dash-plot")  # type: ignore[arg-type]
                else:
                    yield DayPlot(id=f"{name}-plot", classes="dash-plot")
            with Vertical(classes="dash-table-pane"):
                yield Label(
                    t(f"dashboard.{name}.table"), id=f"{name}-table-title", classes="pane-title"
                )
                yield Table(id=f"{name}-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.sub_title = t("dashboard.subtitle")
        columns = {
            "inspections": ("date", "inspections"),
            "hazards": ("week", "opened", "closed"),
            "overdue": ("date", "overdue"),
            "grids": (
                "grid",
                "completion",
                "done_due",
                "reporting",
                "zero",
                "late",
                "today",
                "patrols_missed_due",
                "incidents",
            ),  # fmt: skip
        }
        for name, keys in columns.items():
            table = self.query_one(f"#{name}-table", Table)
            for key in keys:
                table.add_column(t(f"dashboard.col.{key}"), key=key)
        # A long grid name gives up width so that every column is seen with its header
        # (English lost "Today" at 120 columns; at 80, Chinese the patrols and incidents).
        grids = self.query_one("#grids-table", Table)
        grids.squeezed, grids.squeezed_min = ("grid", "incidents"), GRID_NAME_MIN
        add_columns(
            self.query_one("#assessment-table", Table),
            self.query_one("#targets-table", DataTable),
        )
        self._load()

    def action_refresh(self) -> None:
        self._load()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    @work(thread=True, exclusive=True, exit_on_error=False, group="dashboard")
    def _load(self) -> None:
        from fieldapp.services.common.identity import me
        from fieldapp.store import db

        with db.connection_context():
            if not me().is_supervisor:
                self.post_message(self.NotForMe())
                return
            data = load_dashboard()
        self.post_message(self.Loaded(data))

    @on(NotForMe)
    def _not_for_me(self, event: NotForMe) -> None:
        self.notify(t("dashboard.supervisors_only"), severity="warning")
        self.action_back()

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.data = data = event.data
        self._show_inspections(data)
        self._show_hazards(data)
        self._show_overdue(data)
        self._show_grids(data)
        show_assessment(
            data.assessment,
            self.query_one("#assessment-table", DataTable),
            self.query_one("#targets-table", DataTable),
            (
                self.query_one("#assessment-title", Label),
                self.query_one("#activities-summary", Label),
                self.query_one("#incidents-summary", Label),
                self.query_one("#targets-title", Label),
            ),
        )

    # -- the monthly report ------------------------------------------------------------

    def action_monthly(self) -> None:
        if self.data is None:
            self.app.bell()
            return
        from fieldapp.i18n import language

        self._write_monthly(self.data.assessment, language())

    @work(thread=True, exclusive=True, exit_on_error=False, group="dashboard-monthly")
    def _write_monthly(self, data: AssessmentData, lang: str) -> None:
        from fieldapp.paths import data_home

        try:
            written = write_monthly(data.report, data_home() / "exports", lang)
        except OSError as error:
            self.post_message(self.Written(t("notify.error", error=error), warning=True))
            return
        self.post_message(self.Written(t("monthly.written", files=listed(map(str, written)))))

    @on(Written)
    def _written(self, event: Written) -> None:
        self.notify(event.text, severity="warning" if event.warning else "information", timeout=10)

    # -- the four figures --------------------------------------------------------------

    def _show_inspections(self, data: DashboardData) -> None:
        table = self.query_one("#inspections-table", DataTable)
        table.clear()
        for row in reversed(data.per_day):  # newest first
            table.add_row(row.day.isoformat(), row.count)
        total = sum(r.count for r in data.per_day)
        self.query_one("#inspections-plot-title", Label).update(
            t("dashboard.inspections.plot_total", count=DAYS, total=total)
        )
        plot = self.query_one("#inspections-plot", DayPlot)
        plt = plot.plt
        plt.clear_figure()
        plot.days = tuple(r.day for r in data.per_day)  # labelled as drawn, for its width
        counts = [r.count for r in data.per_day]
        plt.bar(list(range(len(plot.days))), counts, marker="hd")
        plt.yticks(count_ticks(counts))
        plot.refresh()

    def _show_hazards(self, data: DashboardData) -> None:
        table = self.query_one("#hazards-table", DataTable)
        table.clear()
        for row in reversed(data.per_week):
            table.add_row(row.week.isoformat(), row.opened, row.closed)
        plot = self.query_one("#hazards-plot", DayPlot)
        plt = plot.plt
        plt.clear_figure()
        # Each week by its Monday, labelled back from this week's as DayPlot labels days
        # back from today: plotext's own labels left the current week without one.
        plot.days = tuple(w.week for w in data.per_week)
        plt.multiple_bar(
            list(range(len(plot.days))),
            [[w.opened for w in data.per_week], [w.closed for w in data.per_week]],
            color=list(LEGENDS["hazards"].values()),  # type: ignore[arg-type]
        )
        plt.yticks(
            count_ticks([w.opened for w in data.per_week], [w.closed for w in data.per_week])
        )
        plot.refresh()

    def _show_overdue(self, data: DashboardData) -> None:
        table = self.query_one("#overdue-table", DataTable)
        table.clear()
        for row in reversed(data.overdue):
            table.add_row(row.day.isoformat(), row.count)
        plot = self.query_one("#overdue-plot", DayPlot)
        plt = plot.plt
        plt.clear_figure()
        plot.days = tuple(r.day for r in data.overdue)
        counts = [r.count for r in data.overdue]
        plt.plot(list(range(len(plot.days))), counts, marker="braille")
        plt.yticks(count_ticks(counts))
        plot.refresh()

    def _show_grids(self, data: DashboardData) -> None:
        table = self.query_one("#grids-table", DataTable)
        table.clear()
        # One cell of indent a level: at 80 columns in English two left a sub-grid "第一…"
        # Each row led by its code as the chart's lines are (DM, DM-1): the code stays
        # whole where the name is cut (DM-1 第一…), and the chart's DM is the table's.
        names = grid_names(
            ((g.name, g.depth) for g in data.grids), step=1, codes=map(short_code, data.grids)
        )
        for g, name in zip(data.grids, names, strict=True):
            table.add_row(
                name,  # type: ignore[arg-type]  # cut to its column's width
                rate_text(g.rate),
                f"{g.done}/{g.due}",
                f"{g.reported_days}/{g.days}",
                t("dashboard.zero_contradicted", zero=g.zero_days, contradicted=g.contradicted_days)
                if g.contradicted_days
                else g.zero_days,
                g.late_days,
                t(TODAY_SAID.get(g.today, f"report.status.{g.today}")),
                t("dashboard.patrols_missed_due", missed=g.patrols_missed, due=g.patrols_due),
                g.incidents,
                key=g.code,
            )
        wrong = any(g.contradicted_days for g in data.grids)  # marked "!" in the zero column
        self.query_one("#grids-table-title", Label).update(
            t(
                "dashboard.grids.table_period",
                first=data.month_first.isoformat(),
                last=data.today.isoformat(),
            )
            + (t("dashboard.grids.contradicted") if wrong else "")
        )
        # Each village (and the town) a line led by its code and name.
        self.query_one("#grids-plot", GridBars).show(
            GridBar(
                short_code(g),
                g.name,
                round((g.rate or 0.0) * 100),
                round(g.reporting_rate * 100),
            )
            for g in data.grids
            if g.depth <= 1
        )
