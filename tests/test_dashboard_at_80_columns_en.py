"""F6 in English at 80x24: the hazards chart labels the current week as the day plots
label today (plotext's own labels ended at 11-16, three weeks back), and the pane titles
above the plots fit on their line (the legend wrapped to '…per week  ■' / 'opened  ■
closed', the inspections total to '(3 in' / 'all)')."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.widgets import Label, TabbedContent

from fieldapp.domain.clock import today
from fieldapp.services.dashboard.figures import week_start
from fieldapp.services.demo.workspace import act_as
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.dashboard import DashboardScreen
from fieldapp.tui.widgets.day_plot import DayPlot


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_hazards_plot_labels_this_week_and_the_titles_fit(
    demo_home: Path, lang: str
) -> None:
    act_as("supervisor")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f6", DashboardScreen)
        for name in ("inspections", "hazards", "overdue"):
            screen.query_one(TabbedContent).active = f"tab-{name}"
            await settle(app, pilot, rounds=2)
            title = screen.query_one(f"#{name}-plot-title", Label)
            assert title.size.height == 1, (name, str(title.render()), title.size)
        screen.query_one(TabbedContent).active = "tab-hazards"
        await settle(app, pilot, rounds=2)
        plot = screen.query_one("#hazards-plot", DayPlot)
        axis = str(plot.render()).splitlines()[-1]
        assert week_start(today()).strftime("%m-%d") in axis, axis
