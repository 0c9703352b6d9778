"""F6 (看板, the dashboard) pressed by an inspector says why, as F5 does, instead of
doing nothing; a supervisor's F6 opens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen

pytestmark = pytest.mark.usefixtures("chinese")

SIZE = (80, 24)


async def test_an_inspector_pressing_f6_is_told_the_dashboard_is_for_grid_heads(
    demo_home: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        assert app.person_role == "inspector"
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        said = [n.message for n in app._notifications]
        assert said[-1:] == ["看板只对网格长和管理员开放；您今天的检查和负责的隐患在首页。"]
        shown = {b.id for _, b, _, _ in app.screen.active_bindings.values() if b.show}
        assert "app.dashboard" not in shown and "app.dashboard_refused" not in shown


async def test_a_supervisors_f6_opens_the_dashboard(demo_home: Path) -> None:
    from fieldapp.tui.screens.dashboard import DashboardScreen

    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, DashboardScreen)
        assert not any("看板只对" in n.message for n in app._notifications)
