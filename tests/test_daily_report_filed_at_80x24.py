"""The daily report (F8) at 80x24 once filed: the state wrapped as "已报，提交时间" /
"10:19（再次提交以最新一份为准）", and with a grid's ten lines of figures (its people
registry's too) the remarks box began below the screen until Tab. The state is one line
and the remarks box is in sight, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import settle
from test_daily_report_screen import local_clock, open_report  # noqa: F401 (a fixture)
from textual.widgets import Input, Label

from fieldapp.services.demo.workspace import act_as
from fieldapp.store.models import Grid
from fieldapp.store.people_models import Household
from fieldapp.tui.app import make_app


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_filed_report_says_so_in_one_line_above_the_remarks(
    local_clock: list[dt.datetime],  # noqa: F811
    demo_home: Path,
    lang: str,
) -> None:
    act_as("supervisor")  # the town's grid first: its figures, and its people's below
    for grid in Grid.select():  # a household kept in each grid: the people's figures too
        Household.insert(id=f"h-{grid.code}", grid=grid.code).execute()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_report(app, pilot)
        await pilot.press("f10")  # the report, remarks left empty
        await settle(app, pilot, rounds=2)
        state = screen.query_one("#report-state", Label)
        said = str(state.render())
        assert ("10:00" in said) and state.size.height == 1, said
        form = screen.query_one("#report-form")
        remarks = screen.query_one("#report-remarks", Input)
        counts = str(screen.query_one("#report-counts").render())
        assert counts.count("\n") >= 7, counts  # a tall card: the people's figures too
        visible = form.region.intersection(remarks.region)
        assert visible == remarks.region, (form.region, remarks.region)
