"""An incident reported without a venue (F4 from Home) was filed to the reporter's first
grid, though the form never asked: with several grids the form asks which (none chosen
until one is), and the chosen grid is stored and sent; with one it is used unasked."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.widgets import Input, Select, Static

from fieldapp.services.common.identity import me
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.home import HomeScreen

pytestmark = pytest.mark.usefixtures("chinese")


async def test_with_several_grids_the_form_asks_which_and_stores_it(demo_home: Path) -> None:
    grids = me().grids
    assert len(grids) > 1
    chosen_code, chosen_name = grids[-1]  # not the first, which it used to take
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        grid = dialog.query_one("#incident-grid", Select)
        assert grid.value is Select.NULL  # none chosen: it must be
        assert [code for _, code in grid._options if code is not Select.NULL] == [
            code for code, _ in grids
        ]
        dialog.query_one("#incident-category", Select).value = "fireworks_sale"
        dialog.query_one("#incident-address", Input).value = "村口"
        dialog.query_one("#incident-description", Input).value = "路口摆摊销售烟花爆竹"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        assert said == "请选择事件所在的网格：您负责不止一个网格。"
        assert app.focused is grid and Incident.select().count() == 0
        grid.value = chosen_code
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
    incident = Incident.get()
    assert incident.grid_code == chosen_code, chosen_name
    op = Outbox.get(Outbox.type == "incident.event")
    assert chosen_code in str(op.payload)  # sent with the grid chosen


def test_with_one_grid_the_form_does_not_ask() -> None:
    dialog = IncidentDialog(["fireworks_sale"], grids=(("A1", "东村"),))
    assert dialog.grid_code == "A1" and dialog.grids == (("A1", "东村"),)
    from_venue = IncidentDialog(
        ["fireworks_sale"], venue=("v1", "店"), grids=(("A1", "a"), ("B", "b"))
    )
    assert from_venue.grids == ()  # the venue's grid
