"""Driving the real app with Pilot: the terminal size the screen tests use, and `settle`,
which waits on messages and workers instead of sleeping."""

from __future__ import annotations

from textual.app import App

SIZE = (120, 36)


async def settle(app: App[object], pilot, rounds: int = 1) -> None:  # type: ignore[no-untyped-def]
    """Let pending messages run and the workers they start finish, `rounds` times (a
    worker whose message starts another worker needs two), then one more frame."""
    for _ in range(rounds):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()
