"""Quitting while a sync waits on a server that does not answer: the screen went back
to the shell, then the process lived on ~22 s, because the event loop waits for its
executor's threads (Textual's thread workers) before it ends. The sync is now given up
as the app quits, so the loop's end (what `App.run` waits for, after the app) is prompt;
what the sync had not sent stays queued. Real app and store, Pilot, 80x24."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.services.syncing import runs as syncing
from fieldapp.tui.app import make_app


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
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
        assert _executor_shut_down_within(2), (
            "after ctrl+q the process waits for the hanging sync: the screen is back but "
            "the program still runs"
        )
    finally:
        answered.set()
        await asyncio.sleep(0.2)  # a sync given up here ends while the loop still runs


def _executor_shut_down_within(seconds: float) -> bool:
    """Whether the loop's default executor shuts down (waiting for its threads: what
    asyncio.run does after the app's coroutine ends, before the process exits) within
    `seconds`. Not `loop.shutdown_default_executor()`: cancelled, it blocks the loop until
    the executor's threads end, so a hanging sync would hang the test too."""
    executor = getattr(asyncio.get_running_loop(), "_default_executor", None)
    if executor is None:
        return True  # no thread worker ever ran: nothing to wait for
    shutting = threading.Thread(target=executor.shutdown, name="executor-shutdown", daemon=True)
    shutting.start()
    shutting.join(seconds)
    return not shutting.is_alive()
