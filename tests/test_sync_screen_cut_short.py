"""A sync cut short (the server gone while photos went up) shows on the sync screen what
it reached: the photos' bar where it stopped, and the phases after it not done (they were
shown full), with the error and when to try again said as sentences."""

from __future__ import annotations

from pathlib import Path

from pilot_support import at_home, settle

from fieldapp.i18n import t
from fieldapp.services.syncing import runs as syncing
from fieldapp.tui.app import make_app
from fieldapp.tui.messages import SyncProgress
from fieldapp.tui.screens.sync import SyncScreen
from sync.client.base import SyncResult


async def test_phases_a_cut_short_sync_never_reached_are_not_shown_done(demo_home: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        screen = SyncScreen(running=True)
        await app.push_screen(screen)
        screen.post_message(SyncProgress("photos", 2, 3))
        await settle(app, pilot)
        unreachable = t("sync.problem.unreachable", url="http://127.0.0.1:9")
        result = SyncResult(errors=[unreachable], retry_in=30)
        screen.show_outcome(syncing.SyncOutcome(syncing.INCOMPLETE, syncing.sync_status(), result))
        await settle(app, pilot)
        shown = {phase: screen._bar(phase).percentage for phase in ("photos", "push", "pull")}
        assert shown == {"photos": 2 / 3, "push": 0, "pull": 0}
        error = str(screen.query_one("#sync-error").render())
        assert error == f"Last error: {unreachable}. Try again in about 30 s."
