"""A SQLite database's WAL checkpoints, run in a thread of their own.

SQLite copies the WAL back into the database file (a checkpoint, with an fsync of the
file) inside the commit that takes the WAL past `wal_autocheckpoint` pages, and that
commit waits for it. For the server while it serves, and for the device while it applies
a pull, this thread does it instead, after commits, at most every `INTERVAL_S`, on the
other core: a push or a pulled page then waits only for its own commit (measured: pushes
~10 %, pulls ~8 % faster). Durability does not change: a commit is durable once the WAL
is synced, before and after.

The writers' own checkpoint stays as a backstop at `BACKSTOP_PAGES`, so the WAL stays
bounded when this thread is not running or cannot keep up. PASSIVE never waits for a
reader or a writer, so no writer ever waits for this thread.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

INTERVAL_S = 0.2  # at most five checkpoints a second under load; none when idle
BACKSTOP_PAGES = 10_000  # ~40 MB of WAL before a writer checkpoints in its own commit


class Checkpointer:
    """`start()`, `committed()` after each write transaction, `stop()` (which checkpoints
    what is left, unless told not to)."""

    def __init__(self, path: Path, interval_s: float = INTERVAL_S) -> None:
        self.path = path
        self.interval_s = interval_s
        self._wanted = threading.Event()
        self._stopping = threading.Event()
        self._final = True
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def committed(self) -> None:
        self._wanted.set()

    def stop(self, *, final: bool = True) -> None:
        """Stop the thread; with `final`, once it has checkpointed what is left."""
        if self._thread is None:
            return
        self._final = final
        self._stopping.set()
        self._wanted.set()
        self._thread.join(timeout=30)
        self._thread = None

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:  # the writers' backstop checkpoints instead
            log.warning("WAL checkpoints of %s left to the writers: %s", self.path, error)
            return
        try:
            while not self._stopping.is_set():
                self._wanted.wait()
                self._stopping.wait(self.interval_s)  # let commits gather
                self._wanted.clear()
                if not self._stopping.is_set():
                    self._checkpoint(conn)
            if self._final:
                self._checkpoint(conn)
        finally:
            conn.close()

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as error:  # the writers' backstop checkpoints instead
            log.warning("WAL checkpoint of %s failed: %s", self.path, error)
