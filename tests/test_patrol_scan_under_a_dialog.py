"""A placard scanned (a wedge burst) during a patrol while the photo dialog (`p`) was open
was dropped without a word: the inspector thought the checkpoint checked in. The dialog
still takes no scan, but the app says to close it first; closed, the scan checks in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from patrol_screen_support import placard, run_started_by_scan, seed_patrol_store
from pilot_support import settle
from test_wedge_scan import Clock, messages
from textual._xterm_parser import XTermParser

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.photo import PhotoDialog
from fieldapp.tui.scanner import RepeatGuard


async def burst(app: Any, pilot: Any, text: str) -> None:
    """A wedge scanner's keys, in the app's queue at once (`test_wedge_scan.burst`), settled
    as the patrol tests are."""
    app.wedge.clock.now += 1.0
    parser = XTermParser()
    for event in [*parser.feed(f"{text}\r"), *parser.feed("")]:
        app.post_message(event)
    await settle(app, pilot, rounds=2)


async def test_a_scan_over_the_photo_dialog_says_to_close_it_first(home: Path) -> None:
    seed_patrol_store()
    app = make_app(lang="zh")
    app.wedge.clock = Clock(0.004)  # the scanner's pace
    app.key_time = lambda event: None  # type: ignore[method-assign]
    app.scan_repeats = RepeatGuard(window=10.0, clock=Clock(0.0))
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await run_started_by_scan(app, pilot)  # with CP-02 reached
        table.move_cursor(row=1)  # CP-02: a photo of it
        await pilot.press("p")
        await settle(app, pilot)
        assert isinstance(app.screen, PhotoDialog)
        await burst(app, pilot, placard("CP-01"))
        assert isinstance(app.screen, PhotoDialog)  # not typed into its field, not closed
        assert messages(app)[-1] == t("scan.close_dialog_first")
        assert screen.view is not None and screen.view.left == 3  # not checked in
        await pilot.press("escape")
        await settle(app, pilot)
        await burst(app, pilot, placard("CP-01"))
        assert app.screen is screen
        assert screen.view is not None and screen.view.left == 2
