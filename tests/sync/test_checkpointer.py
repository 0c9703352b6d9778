"""While the server serves a SQLite database, its WAL is copied back into the database file
by a thread of its own (sync.server.checkpointer), not inside a push's commit; the writers'
own checkpoint is only a backstop far above what a push writes."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.server import db as server_db
from sync.server.app import create_app
from sync.server.checkpointer import BACKSTOP_PAGES
from sync.server.models import Meta


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Path]:
    from fastapi.testclient import TestClient

    path = tmp_path / "server.sqlite3"
    app = create_app(f"sqlite:///{path}", blob_dir=tmp_path / "blobs")
    with TestClient(app):
        yield path


def _write(key: str) -> None:
    with server_db.current().connection_context(), server_db.write_transaction():
        Meta.insert(key=key, value="x" * 2000).execute()


def _file_alone_holds(path: Path, key: str, copy: Path) -> bool:
    """Whether the database file, copied without its WAL, holds the row `key`."""
    shutil.copy(path, copy)
    for suffix in ("-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(copy) as conn:
        try:
            return conn.execute("SELECT 1 FROM meta WHERE key = ?", (key,)).fetchone() is not None
        except sqlite3.OperationalError:  # not even the schema has reached the file yet
            return False


def _checkpointers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "wal-checkpoint"]


def test_what_a_served_server_commits_reaches_the_database_file_soon(served, tmp_path):
    _write("pushed")
    copy = tmp_path / "copy.sqlite3"
    deadline = time.monotonic() + 10
    while not _file_alone_holds(served, "pushed", copy):
        # The writers' own checkpoint waits for BACKSTOP_PAGES: without the thread the
        # row would stay in the WAL.
        assert time.monotonic() < deadline, "the WAL was not checkpointed within 10 s"
        time.sleep(0.05)
    assert len(_checkpointers()) == 1


def test_the_writers_checkpoint_only_as_a_backstop(served):
    with server_db.current().connection_context():
        pages = server_db.current().execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0]
    assert pages == BACKSTOP_PAGES


def test_the_checkpoints_stop_with_the_server(tmp_path):
    from fastapi.testclient import TestClient

    path = tmp_path / "server.sqlite3"
    with TestClient(create_app(f"sqlite:///{path}", blob_dir=tmp_path / "blobs")):
        assert len(_checkpointers()) == 1
        _write("last")
    assert _checkpointers() == []
    # What was committed last is in the file: the thread checkpointed it on its way out.
    assert _file_alone_holds(path, "last", tmp_path / "copy.sqlite3")
