"""At 80×24, ctrl+g's "Patrols due now" cut a run in progress bare, "Night round (RT-R1)
· in", and the status bar cut "… Online · patrol not finished yet · last sync" before the
time. A long route name now ends with "…", then its code and the in-progress mark said
whole; the status bar leaves out its least needed parts (the role, "online") before the sync time."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import ROUTE_ID, placard, seed_patrol_store
from pilot_support import open_screen, settle

from fieldapp.i18n import set_language, t
from fieldapp.store.patrol_models import PatrolRoute
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.screens.patrols import PatrolsScreen
from fieldapp.tui.widgets.status_bar import StatusBar, SyncView
from fieldapp.tui.widgets.table import Table


def _line_of(app, widget) -> str:  # type: ignore[no-untyped-def]
    return app.screen._compositor.render_strips()[widget.region.y].text


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_run_in_progress_is_marked_whole_and_its_long_name_cut(
    home: Path, lang: str
) -> None:
    seed_patrol_store()
    long_name = "Night round of the market street and the old quay"
    PatrolRoute.update(name=long_name, code="RT-R1").where(PatrolRoute.id == ROUTE_ID).execute()
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-01"), "wedge")  # starts the run: in progress
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        await pilot.press("escape")
        await settle(app, pilot, rounds=3)
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        due = screen.query_one("#patrols-due", Table)
        shown = app.screen._compositor.render_strips()[due.region.y + 1].text
        mark = t("patrol.due.resume").strip()
        # the name is cut, its code said whole before the mark
        cut_name = t("app.aside", text="…", aside="RT-R1")
        assert "Night roun" in shown and f"{cut_name}  {mark}" in shown, shown
        assert "1/4" in shown, shown  # the columns after it are seen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_status_bar_keeps_the_sync_time(home: Path, lang: str) -> None:
    seed_patrol_store()
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.show_sync_view(SyncView(online=True, last_sync="11:42", patrol_open=True), 3)
        await settle(app, pilot)
        shown = _line_of(app, app.screen.query_one(StatusBar)).rstrip()
        assert shown.endswith(t("sync_ui.status.last", at="11:42")), shown
        assert t("sync_ui.status.patrol_open") in shown, shown
        assert t("home.unsynced", count=3) in shown, shown
