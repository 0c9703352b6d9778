"""The dashboard's assessment showed Activities "0/0" for every grid while ctrl+y listed
29 activities due: the column counts the periods whose time ran out in the month (a
quarter's drill on time until 12-31 counts then), and in early December none had. That
is the rule, so the tab now says it under the table, with those still open left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from test_activities_screen import monday  # noqa: F401  (the fixture)
from textual.widgets import Label, TabbedContent

from fieldapp.i18n import t
from fieldapp.services.demo.workspace import act_as
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.dashboard import DashboardScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_assessment_says_what_its_activities_count(
    monday: None,  # noqa: F811
    demo_home: Path,
    lang: str,
) -> None:
    act_as("supervisor")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        if type(app.screen).__name__ == "ResumeDialog":
            await pilot.press("n")
            await settle(app, pilot, rounds=2)
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, DashboardScreen) and screen.data is not None
        screen.query_one(TabbedContent).active = "tab-assessment"
        await settle(app, pilot, rounds=2)
        town = screen.data.assessment.report.rows[0]
        assert town.activities_due == 0 and town.activities_open > 0  # nothing ran out yet
        note = screen.query_one("#activities-summary", Label)
        shown = app.screen._compositor.render_strips()[note.region.y].text
        said = t("dashboard.assessment.activities", held=0, count=0) + t(
            "dashboard.assessment.activities_open", count=town.activities_open
        )
        assert shown.strip() == said, shown
