"""At 80×24 the status bar says whole that a patrol is in progress (not finished yet), in
both languages, beside the records not yet synced (on Home: the patrol run has no status
bar): in English it read "Not yet synced: 15 · patrol in progress, sent when", its end
cut off by the bar's edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import placard, seed_patrol_store
from pilot_support import settle

from fieldapp.i18n import t
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.widgets.status_bar import StatusBar


def status_shown(app: FieldApp) -> str:
    """The status bar's line as drawn on the screen."""
    bar = app.screen.query_one(StatusBar).region
    return app.screen._compositor.render_strips()[bar.y].text


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_patrol_in_progress_is_said_whole(home: Path, lang: str) -> None:
    from fieldapp.services.common.outbox import enqueue

    seed_patrol_store()
    for n in range(15):  # records waiting to be sent, as the tester's device had
        enqueue("daily_report", {"n": n})
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-01"), "wedge")  # a visit made: queued, sent at the next sync
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        await pilot.press("escape")
        await settle(app, pilot, rounds=3)
        assert not isinstance(app.screen, PatrolRunScreen)
        walking = t("sync_ui.status.patrol_open")
        waiting = t("home.unsynced", count=16)  # the 15 and the visit
        assert waiting in status_shown(app), status_shown(app)
        assert status_shown(app).rstrip().endswith(walking), status_shown(app)
