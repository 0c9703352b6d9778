"""On ctrl+y's held activities and ctrl+g's patrol attendance, a refused record has F3's
keys: while it is highlighted its reason shows below the list, r sends it again (the mark
goes, its op waits to be sent) and x discards it after a question fitting its kind (Esc
keeps it); on any other row r reads the lists again, as on every other section."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import ROUTE_ID, point_id, seed_patrol_store
from patrol_support import FrozenClock
from pilot_support import open_screen, settle
from test_refused_activities_and_runs import PLACE, _facility_checks_due, _table_rows, monday
from test_refused_records_ui import refuse_last_op, shown
from textual.widgets import DataTable

from fieldapp.services.activities import records
from fieldapp.services.patrols import runs
from fieldapp.store.activity_models import Activity
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import PatrolRoute, PatrolRun
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.activities import ActivitiesScreen
from fieldapp.tui.screens.patrols import PatrolsScreen

pytestmark = pytest.mark.usefixtures("chinese")
SIZE = (120, 36)
__all__ = ["monday"]  # the fixture, used by name


def _state(op: Outbox) -> str:
    return str(Outbox.get(Outbox.seq == op.seq).state)


async def test_a_refused_activity_is_sent_again_or_discarded_in_the_held_list(
    monday: None, demo_home: Path
) -> None:
    grid = _facility_checks_due()[0]
    form = records.ActivityForm("facility_check", grid, place=PLACE, minutes="消火栓完好")
    activity_id = records.record_activity(form).id
    op = refuse_last_op()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        assert "r 刷新" in shown(app) and "重新上报" not in shown(app)  # the due list
        await pilot.press("tab")
        await settle(app, pilot)
        text = shown(app)
        assert "服务器拒收：" in text and "芸美村" in text  # why, below the list
        assert "r 重新上报" in text and "x 丢弃" in text and "刷新" not in text
        await pilot.press("r")
        await settle(app, pilot, rounds=3)
        assert _state(op) == "pending"
        held = _table_rows(screen.query_one("#activities-held", DataTable))
        assert [row[1] for row in held] == ["公共消防设施检查"]
        assert "服务器拒收" not in shown(app) and "r 刷新" in shown(app)

        refuse_last_op()
        screen.action_refresh()
        await settle(app, pilot, rounds=2)
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "丢弃这次被拒收的活动" in shown(app) and "这项活动仍算未做" in shown(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen and _state(op) == "rejected"
        assert Activity.get_or_none(Activity.id == activity_id) is not None
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen
        assert Activity.get_or_none(Activity.id == activity_id) is None
        assert _state(op) == "discarded"
        assert _table_rows(screen.query_one("#activities-held", DataTable)) == []


async def test_a_refused_patrol_run_is_sent_again_or_discarded_in_attendance(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_patrol_store()
    PatrolRoute.update(schedule={"days": ["daily"], "windows": ["06:30-09:00"]}).execute()
    clock_now = FrozenClock(monkeypatch, "2026-11-02", "07:00")
    run = runs.start_run(ROUTE_ID)
    runs.record_manual(run.id, point_id("CP-01"), "placard_missing")
    runs.finish_run(run.id)
    clock_now.set("12:00")
    op = refuse_last_op("示例镇")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        assert "r 刷新" in shown(app) and "重新上报" not in shown(app)  # the due list
        await pilot.press("tab")
        await settle(app, pilot)
        text = shown(app)
        assert "服务器拒收：" in text and "示例镇" in text
        assert "r 重新上报" in text and "x 丢弃" in text and "刷新" not in text
        await pilot.press("r")
        await settle(app, pilot, rounds=3)
        assert _state(op) == "pending"
        rows = _table_rows(screen.query_one("#patrols-attendance", DataTable))
        assert [row[2:4] for row in rows] == [["部分完成（漏岗）", "1/4"]]
        assert "服务器拒收" not in shown(app) and "r 刷新" in shown(app)

        refuse_last_op("示例镇")
        screen.action_refresh()
        await settle(app, pilot, rounds=2)
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "丢弃这次被拒收的巡逻" in shown(app) and "全部签到" in shown(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen and _state(op) == "rejected"
        assert PatrolRun.get_or_none(PatrolRun.id == run.id) is not None
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen
        assert PatrolRun.get_or_none(PatrolRun.id == run.id) is None
        assert _state(op) == "discarded"
        rows = _table_rows(screen.query_one("#patrols-attendance", DataTable))
        assert [row[2:4] for row in rows] == [["未巡逻（空岗）", "0/4"]]
