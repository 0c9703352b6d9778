"""During a patrol, a checkpoint's placard read from a photo (its path typed into F2) or
its signed text pasted into F2 counted as a visit on site: source camera (or typed),
check verified, the row 已到, no mark in the attendance. Either can be had anywhere, so
neither proves the visit: the run says why and asks the by-hand reason, as for a code
typed, and nothing is recorded unless a reason is given. A scanner's burst still
checks in."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import placard, point_id, run_started_by_scan, seed_patrol_store
from pilot_support import settle
from textual import events

from fieldapp.i18n import set_language, t
from fieldapp.reports.placards import PlacardInfo, render_png
from fieldapp.store.patrol_models import Checkpoint, PatrolScan
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.screens.patrol_run import PatrolRunScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("how", ["photo", "pasted"])
async def test_a_checkpoint_from_a_photo_or_pasted_text_asks_why(
    home: Path, tmp_path: Path, lang: str, how: str
) -> None:
    seed_patrol_store()
    set_language(lang)
    point = Checkpoint.get_by_id(point_id("CP-03"))
    photo = render_png(
        PlacardInfo.of(point, "网格", placard("CP-03"), place="checkpoint"),
        tmp_path / "cp.png",
        size="A5",
    )
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_started_by_scan(app, pilot)  # CP-02 by a scanner: checked in
        said: list[str] = []
        notify = app.notify
        app.notify = lambda text, **kw: (said.append(str(text)), notify(text, **kw))[1]  # type: ignore[method-assign]
        await pilot.press("f2")
        await settle(app, pilot)
        if how == "photo":
            app.screen.query_one("#scan-input").value = str(photo)  # type: ignore[attr-defined]
        else:
            app.post_message(events.Paste(placard("CP-03")))
            await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PresenceDialog), app.screen
        await pilot.press("escape")  # no reason given: nothing recorded
        await settle(app, pilot)
        assert isinstance(app.screen, PatrolRunScreen)
    key = "patrol.scan.photo" if how == "photo" else "patrol.scan.pasted"
    label = f"{point.name} {point.code}"
    assert t(key, checkpoint=label) in said, said
    visited = {s.checkpoint for s in PatrolScan.select()}
    assert visited == {point_id("CP-02")}
    set_language("zh")
