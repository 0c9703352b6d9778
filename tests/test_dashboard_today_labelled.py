"""The dashboard's plots over days (F6: inspections a day, overdue) label today on their
x axis at any width: at 80 columns plotext left out a label that touched its neighbour,
and it was today's (12-06) that went. The labels count back from today at a step that
leaves each room, picked again when the plot is drawn at another width."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.widgets import TabbedContent

from fieldapp.domain.clock import today
from fieldapp.services.demo.workspace import act_as
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.dashboard import DashboardScreen
from fieldapp.tui.widgets.day_plot import DayPlot, day_ticks


def axis_labels(plot: DayPlot) -> str:
    """The line of the plot's date labels, as drawn."""
    return str(plot.render()).splitlines()[-1]


@pytest.mark.parametrize(("lang", "size"), [("en", (80, 24)), ("zh", (80, 24)), ("en", (120, 36))])
async def test_today_and_every_label_picked_are_drawn(
    demo_home: Path, lang: str, size: tuple[int, int]
) -> None:
    act_as("supervisor")
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(app, pilot, "f6", DashboardScreen)
        for name in ("inspections", "overdue"):
            screen.query_one(TabbedContent).active = f"tab-{name}"
            await settle(app, pilot, rounds=2)
            plot = screen.query_one(f"#{name}-plot", DayPlot)
            line = axis_labels(plot)
            assert today().strftime("%m-%d") in line, line
            _ticks, labels = day_ticks(plot.days, plot.size.width)
            assert len(labels) >= 4 and all(label in line for label in labels), (labels, line)


def test_a_narrow_plot_gets_fewer_labels_and_always_the_last_day() -> None:
    import datetime as dt

    days = tuple(dt.date(2026, 11, 7) + dt.timedelta(n) for n in range(30))
    for width in (30, 42, 60, 100):
        _ticks, labels = day_ticks(days, width)
        assert labels[-1] == "12-06"
        assert len(labels) * 8 <= width - 6 + 8, (width, labels)


@pytest.mark.parametrize(("lang", "size"), [("zh", (120, 36)), ("en", (80, 24))])
async def test_the_axis_spans_the_days_the_table_lists(
    demo_home: Path, lang: str, size: tuple[int, int]
) -> None:
    """The table beside each plot lists the same 30 days that the axis labels from its first
    label to its last (the axis began a day after the table's oldest row, 11-08 to 11-07)."""
    from fieldapp.tui.widgets.table import Table

    act_as("supervisor")
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(app, pilot, "f6", DashboardScreen)
        for name in ("inspections", "overdue"):
            screen.query_one(TabbedContent).active = f"tab-{name}"
            await settle(app, pilot, rounds=2)
            table = screen.query_one(f"#{name}-table", Table)
            rows = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
            assert len(rows) == 30 and rows[0] == today().isoformat()
            line = axis_labels(screen.query_one(f"#{name}-plot", DayPlot)).split()
            assert (line[0], line[-1]) == (rows[-1][5:], rows[0][5:]), (line, rows)
