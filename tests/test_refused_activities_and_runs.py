"""An activity or a patrol run the server refused to record did not happen as far as the
office knows: the device marks it 服务器拒收 where it lists it (ctrl+y's held activities,
the patrol attendance), the duty it would have done is due again, and it can be sent
again or discarded like a refused inspection (`refused_records`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_refused_records_ui import refuse_last_op
from textual.widgets import DataTable

from fieldapp.domain import clock
from fieldapp.services.activities import due, records
from fieldapp.services.common import refused_records
from fieldapp.store.activity_models import Activity
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.activities import ActivitiesScreen

pytestmark = pytest.mark.usefixtures("chinese")
DAY = dt.date(2026, 12, 7)


@pytest.fixture
def monday(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = dt.datetime.combine(DAY, dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))


def _table_rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


def _facility_checks_due() -> list[str]:
    return [d.grid_code for d in due.due_activities(DAY) if d.kind.code == "facility_check"]


async def test_a_refused_activity_reads_refused_and_its_duty_is_due_again(
    monday: None, demo_home: Path
) -> None:
    grid = _facility_checks_due()[0]
    form = records.ActivityForm("facility_check", grid, place="村消防室", minutes="消火栓完好")
    activity_id = records.record_activity(form).id
    assert grid not in _facility_checks_due()  # recorded: done
    op = refuse_last_op()
    assert grid in _facility_checks_due()  # refused: the office never had it
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        held = _table_rows(screen.query_one("#activities-held", DataTable))
        assert [row[1] for row in held] == ["公共消防设施检查 服务器拒收"]
        refused_records.send_again(op.seq)
        screen.action_refresh()
        await settle(app, pilot)
        held = _table_rows(screen.query_one("#activities-held", DataTable))
        assert [row[1] for row in held] == ["公共消防设施检查"]
    assert grid not in _facility_checks_due()
    refuse_last_op()
    refused_records.discard(op.seq)
    assert Activity.get_or_none(Activity.id == activity_id) is None
