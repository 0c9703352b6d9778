"""On the patrols screen (ctrl+g), no run started, a checkpoint's signed placard text
pasted into F2 started the run before asking why the checkpoint was not scanned: Esc
in that dialog left a run started (open, in the status bar, its window no longer free).
Pasted text proves no visit, so the reason is asked first: Esc leaves no run and nothing
recorded or queued; a reason given starts the run with that visit by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import placard, point_id, seed_patrol_store
from pilot_support import open_screen, settle
from textual import events

from fieldapp.i18n import set_language, t
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import PatrolRun, PatrolScan
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.screens.patrols import PatrolsScreen


async def _paste_on_patrols_screen(app, pilot, code: str) -> None:  # type: ignore[no-untyped-def]
    await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
    await pilot.press("f2")
    await settle(app, pilot)
    app.post_message(events.Paste(placard(code)))
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot, rounds=3)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_escape_in_the_reason_leaves_no_run(home: Path, lang: str) -> None:
    seed_patrol_store()
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await _paste_on_patrols_screen(app, pilot, "CP-03")
        dialog = app.screen
        assert isinstance(dialog, PresenceDialog), app.screen
        said = dialog.said  # shown in the dialog, above its buttons
        assert PatrolRun.select().count() == 0  # asked before anything is started
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PatrolsScreen), app.screen
    assert said == t("patrol.scan.pasted", checkpoint="1号消火栓 CP-03")
    assert PatrolRun.select().count() == 0
    assert PatrolScan.select().count() == 0
    assert not Outbox.select().where(Outbox.type.startswith("patrol_run")).exists()
    set_language("zh")


async def test_a_reason_given_starts_the_run_with_that_visit_by_hand(home: Path) -> None:
    seed_patrol_store()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _paste_on_patrols_screen(app, pilot, "CP-03")
        assert isinstance(app.screen, PresenceDialog), app.screen
        await pilot.press("enter", "f10")  # the first reason (标牌缺失), then start
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen), app.screen
    (run,) = PatrolRun.select()
    (visit,) = PatrolScan.select()
    assert (visit.run_id, visit.checkpoint, visit.source) == (run.id, point_id("CP-03"), "manual")
    assert visit.reason == "placard_missing"
