"""An activity or a patrol run the server refused to record did not happen as far as the
office knows: the device marks it 服务器拒收 where it lists it (ctrl+y's held activities,
the patrol attendance), the duty it would have done is due again, and it can be sent
again or discarded like a refused inspection (`refused_records`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from patrol_screen_support import ROUTE_ID, point_id, seed_patrol_store
from patrol_support import FrozenClock
from pilot_support import open_screen, settle
from test_refused_records_ui import exported_sheet, refuse_last_op
from textual.widgets import DataTable

from fieldapp.domain import clock, patrols
from fieldapp.services.activities import due, records
from fieldapp.services.common import refused_records
from fieldapp.services.patrols import attendance, runs
from fieldapp.store.activity_models import Activity
from fieldapp.store.patrol_models import PatrolRoute
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.activities import ActivitiesScreen
from fieldapp.tui.screens.patrols import PatrolsScreen

pytestmark = pytest.mark.usefixtures("chinese")
DAY = dt.date(2026, 12, 7)
PLACE = "村委会东侧消防器材室"  # the refused activity's, in no other record


@pytest.fixture
def monday(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = dt.datetime.combine(DAY, dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))


def _table_rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


def _facility_checks_due() -> list[str]:
    return [d.grid_code for d in due.due_activities(DAY) if d.kind.code == "facility_check"]


async def test_a_refused_activity_reads_refused_and_its_duty_is_due_again(
    monday: None, demo_home: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path
    grid = _facility_checks_due()[0]
    form = records.ActivityForm("facility_check", grid, place=PLACE, minutes="消火栓完好")
    activity_id = records.record_activity(form).id
    assert grid not in _facility_checks_due()  # recorded: done
    assert PLACE in exported_sheet(out_dir / "recorded.csv", "activities")
    op = refuse_last_op()
    assert grid in _facility_checks_due()  # refused: the office never had it
    assert PLACE not in exported_sheet(out_dir / "refused.csv", "activities")
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


async def test_a_refused_patrol_run_reads_refused_and_its_visits_do_not_count(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run was walked and finished; the server refused it, so the office has no visit
    in that window: attendance reads 服务器拒收 where it said 部分完成, and the run's post
    counts as not visited. Sent again, the window is judged on the run again."""
    seed_patrol_store()
    PatrolRoute.update(schedule={"days": ["daily"], "windows": ["06:30-09:00"]}).execute()
    clock_now = FrozenClock(monkeypatch, "2026-11-02", "07:00")
    run = runs.start_run(ROUTE_ID)
    runs.record_manual(run.id, point_id("CP-01"), "placard_missing")
    runs.finish_run(run.id)
    clock_now.set("12:00")
    day = dt.date(2026, 11, 2)
    assert [(r.status, r.done, r.refused) for r in attendance.attendance(day)] == [
        (patrols.PARTIAL, 1, False)
    ]
    op = refuse_last_op("示例镇")
    assert [(r.status, r.done, r.refused) for r in attendance.attendance(day)] == [
        (patrols.NOT_DONE, 0, True)
    ]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        rows = _table_rows(screen.query_one("#patrols-attendance", DataTable))
        assert [row[:4] for row in rows] == [["2026-11-02", "06:30-09:00", "服务器拒收", "0/4"]]
    refused_records.send_again(op.seq)
    assert [(r.status, r.refused) for r in attendance.attendance(day)] == [(patrols.PARTIAL, False)]
