"""A second writer on the store file: another connection, in a thread of its own, that
writes one row and commits, as the sync's page (or a UI save) does beside a transaction
that is open on the store's own connection."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class SecondWriter:
    """`start()` returns once the writer has committed, or has found the write lock taken
    (`waited`): it then waits for the lock (busy timeout) and commits; `join()` after."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        with sqlite3.connect(self.path, isolation_level=None) as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS second_writer (n INTEGER)")
        conn.close()
        self.waited = False
        self.error: BaseException | None = None
        self._tried = threading.Event()
        self._thread = threading.Thread(target=self._write, daemon=True)

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    def start(self) -> None:
        self._thread.start()
        assert self._tried.wait(10)

    def join(self) -> None:
        self._thread.join(10)
        assert not self._thread.is_alive()
        if self.error is not None:
            raise self.error

    def rows(self) -> int:
        with sqlite3.connect(self.path) as conn:
            (count,) = conn.execute("SELECT count(*) FROM second_writer").fetchone()
        conn.close()
        return int(count)

    def _write(self) -> None:
        conn = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:  # the other transaction holds the write lock
                self.waited = True
                self._tried.set()
                conn.execute("PRAGMA busy_timeout = 10000")
                conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO second_writer VALUES (1)")
            conn.execute("COMMIT")
        except BaseException as error:  # handed to join()
            self.error = error
        finally:
            self._tried.set()
            conn.close()
