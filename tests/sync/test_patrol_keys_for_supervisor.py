"""A supervisor in ctrl+g was offered ⏎ 开始巡逻 on a window of a route assigned to an
inspector, and Enter then refused; c on a window whose run was finished did nothing at
all. Start is now offered only on a route assigned to the person, and c on a finished
run says there is nothing to close."""

from __future__ import annotations

import pytest
from patrol_support import run_started
from people_support import pin_the_synced_key
from pilot_support import footer_keys_seen, open_screen, settle
from textual.widgets import DataTable

from fieldapp.i18n import t
from fieldapp.services.patrols import runs
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrols import PatrolsScreen

pytestmark = pytest.mark.usefixtures("chinese")


async def _cursor_on(app, pilot, screen: PatrolsScreen, window: str) -> None:  # type: ignore[no-untyped-def]
    table = screen.query_one("#patrols-attendance", DataTable)
    assert screen.data is not None
    [row] = [n for n, r in enumerate(screen.data.rows) if r.window == window]
    table.focus()
    table.move_cursor(row=row)
    await settle(app, pilot, rounds=2)


async def test_a_supervisor_is_not_offered_others_routes_and_told_why_c_closes_nothing(
    make_device, server_workdir, monkeypatch
) -> None:
    walker, run, _route_id, signed, _clock = run_started(
        make_device, server_workdir, monkeypatch, "walker", ["CP-01"]
    )
    runs.record_scan(run.id, signed["CP-01"], "wedge")
    runs.finish_run(run.id)
    with walker.client() as client:
        assert client.sync_once().ok
    boss = make_device("boss").enroll("p-sup2")
    with boss.client() as client:
        assert client.sync_once().ok
    pin_the_synced_key()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await _cursor_on(app, pilot, screen, "18:00-20:00")  # FW-01 is the inspector's
        assert "start" not in footer_keys_seen(screen)
        await _cursor_on(app, pilot, screen, "06:30-09:00")  # walked and finished
        assert "close_run" not in footer_keys_seen(screen)
        await pilot.press("c")
        await settle(app, pilot)
        assert app.screen is screen
        said = [n.message for n in app._notifications]
        assert said and said[-1] == t("patrol.close_run.refused.not_open"), said
