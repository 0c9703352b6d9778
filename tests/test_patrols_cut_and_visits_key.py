"""Patrols (ctrl+g) at 80x24 in English: the attendance status cut at its column's edge
ends with "…" (it read 'Partly done (mis', cut bare); `v` opens the visits of a window
walked from the due list too, where it showed in the footer only after Tab moved to the
attendance table; and the due list's time-left column holds 'on other device' whole
(15 cells; the window column needs 11 for 06:30-09:00)."""

from __future__ import annotations

from pathlib import Path

from patrol_screen_support import ROUTE_ID, placard, seed_patrol_store
from pilot_support import open_screen, settle
from rich.cells import cell_len
from textual.widgets import DataTable

from fieldapp.i18n import set_language, t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_visits import PatrolVisitsScreen
from fieldapp.tui.screens.patrols import PatrolsScreen


def _drawn(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_a_partly_done_window_is_said_whole(home: Path) -> None:
    """It was cut, 'Partly done (mi…' and 'Not done (post …', at 80 and at 120 columns:
    the English statuses are now as short as the Chinese (部分完成（漏岗）, 未巡逻（空岗）),
    the missed checkpoints being in their own column."""
    from fieldapp.services.patrols import runs

    seed_patrol_store()
    run = runs.start_run(ROUTE_ID)
    runs.record_scan(run.id, placard("CP-01"), "wedge")
    runs.finish_run(run.id)  # three missed: partly done
    set_language("en")
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        assert t("patrol.status.partial") == "Partly missed"
        assert "Partly missed  " in _drawn(app), _drawn(app)


async def test_v_opens_the_visits_from_the_due_list(home: Path) -> None:
    from fieldapp.services.patrols import runs

    seed_patrol_store()
    run = runs.start_run(ROUTE_ID)
    runs.record_scan(run.id, placard("CP-01"), "wedge")  # walked, still open
    set_language("en")
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        due = screen.query_one("#patrols-due", DataTable)
        assert due.has_focus
        assert "v Visits" in _drawn(app).splitlines()[-1], _drawn(app)  # in the footer
        await pilot.press("v")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, PatrolVisitsScreen)
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
        for left in ("on other device", t("patrol.due.elsewhere")):  # whole, in English
            assert due.columns["left"].width >= cell_len(left)  # type: ignore[index]
