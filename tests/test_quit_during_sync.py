"""Quitting while a sync waits on a server that does not answer: the screen went back
to the shell, then the process lived on ~22 s, because the event loop waits for its
executor's threads (Textual's thread workers) before it ends. The sync is now given up
as the app quits, so the loop's end (what `App.run` waits for, after the app) is prompt;
what the sync had not sent stays queued. Real app and store, Pilot, 80x24."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.services.syncing import runs as syncing
from fieldapp.tui.app import make_app


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_quitting_does_not_wait_for_a_sync_that_hangs(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    answered = threading.Event()
    started = threading.Event()

    def hanging_sync(progress: object = None, **_: object) -> syncing.SyncOutcome:
        started.set()
        answered.wait(30)  # a server stopped (kill -STOP): no answer within the test
        raise ConnectionError("no answer")

    monkeypatch.setattr(syncing, "run_sync", hanging_sync)
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("f12")  # the sync screen, and a sync
            assert started.wait(5)
            await pilot.press("ctrl+q")
            await pilot.pause()
        assert not app.is_running
        begun = time.monotonic()
        # What asyncio.run does after the app's coroutine ends, before the process exits.
        await asyncio.wait_for(asyncio.get_running_loop().shutdown_default_executor(), 10)
        assert time.monotonic() - begun < 2
    finally:
        answered.set()
