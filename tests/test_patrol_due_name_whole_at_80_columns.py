"""At 80x24, ctrl+g's due list cut a route in progress by one cell: "春节烟花爆竹巡…（DM-FW）
· 进行中" (35 cells in a 34-cell column). The demo's route is said whole, with the
columns after it still in sight."""

from __future__ import annotations

from pathlib import Path

from patrol_screen_support import ROUTE_ID, seed_patrol_store
from pilot_support import open_screen, settle

from fieldapp.i18n import t
from fieldapp.store.patrol_models import PatrolRoute
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrols import PatrolsScreen
from fieldapp.tui.widgets.table import Table


async def test_the_demo_route_in_progress_is_said_whole(home: Path) -> None:
    from fieldapp.services.patrols import runs

    seed_patrol_store()
    PatrolRoute.update(name="春节烟花爆竹巡逻", code="DM-FW").execute()
    runs.start_run(ROUTE_ID)  # in progress
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        due = screen.query_one("#patrols-due", Table)
        shown = app.screen._compositor.render_strips()[due.region.y + 1].text
        assert "春节烟花爆竹巡逻（DM-FW）" + t("patrol.due.resume") in shown, shown
        assert "0/4" in shown and "00:00-23:59" in shown, shown
