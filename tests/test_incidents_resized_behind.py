"""The incident queue (F3) when the terminal is resized while an incident's record is on
top (the palette over it): a load landing before the queue is back fills the columns its table has (a row for
the wide columns in a narrow table raised ValueError), and coming back makes the columns
for the new width."""

from __future__ import annotations

from pathlib import Path

from incident_time_support import incident_at
from pilot_support import open_screen, settle
from textual.widgets import DataTable

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import reporting
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.incident_table import NARROW_COLUMNS
from fieldapp.tui.screens.incidents import IncidentsScreen


def columns(table: DataTable[object]) -> tuple[str, ...]:
    return tuple(str(c.key.value) for c in table.ordered_columns if c.key.value != "mark")


async def test_the_queue_loaded_under_a_record_after_a_resize(demo_home: Path) -> None:
    reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊销售", address="村口")
    )
    demo.act_as("supervisor")
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        queue = await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("5")  # every incident
        await settle(app, pilot, rounds=2)
        table = queue.query_one("#incident-table", DataTable)
        assert columns(table) == NARROW_COLUMNS and table.row_count == 1
        await pilot.press("enter")  # the incident's record, over the queue
        await settle(app, pilot, rounds=2)
        await pilot.press("ctrl+p")  # and the palette over the record
        await settle(app, pilot)
        assert app.screen_stack[-3] is queue, app.screen_stack
        await pilot.resize_terminal(120, 36)
        await settle(app, pilot)
        queue.reload()  # a load landing while the queue is under the record
        await settle(app, pilot, rounds=2)
        assert len(table.get_row_at(0)) == len(table.ordered_columns)
        await pilot.press("escape", "escape")
        await settle(app, pilot, rounds=2)
        assert app.screen is queue
        assert columns(table) == queue.WIDE_COLUMNS
