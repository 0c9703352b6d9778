"""Work a thread worker may abandon when the app quits: run in a daemon thread of its own.

Textual runs a thread worker in the event loop's default executor, and the loop waits for
the executor's threads before the process exits: a sync blocked on a server that does not
answer kept the process alive for ~22 s after the screen was gone. `run_abandonable`
runs `work` in a daemon thread and waits for it, checking `cancelled` (the worker's
`is_cancelled`, set by Textual as the app exits) every POLL seconds: once cancelled, the
worker returns and the daemon thread is left to end with the process. Only for work that
is safe to cut short: a sync, whose records stay queued until the server has them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

POLL = 0.1  # seconds between looks at `cancelled`


class Abandoned(Exception):
    """The worker was cancelled (the app is quitting) before the work ended."""


def run_abandonable(work: Callable[[], T], cancelled: Callable[[], bool], name: str) -> T:
    """`work()`'s result or exception; `Abandoned` once `cancelled()` before it ended."""
    done = threading.Event()
    result: list[T] = []
    error: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as raised:  # handed to the waiting worker
            error.append(raised)
        finally:
            done.set()

    threading.Thread(target=run, name=name, daemon=True).start()
    while not done.wait(POLL):
        if cancelled():
            raise Abandoned(name)
    if error:
        raise error[0]
    return result[0]
