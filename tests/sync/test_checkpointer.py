"""The WAL is copied back into the database file by a thread of its own
(fieldapp.sqlite_checkpoints), not inside a push's or a pulled page's commit: on the
server while it serves SQLite, on the device while it pulls. The writers' own checkpoint
is only a backstop far above what a push or a page writes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_world import count_in_file_alone

from fieldapp.sqlite_checkpoints import BACKSTOP_PAGES, Checkpointer
from fieldapp.store.db import db
from fieldapp.store.models import Venue
from sync.server import db as server_db
from sync.server.app import create_app
from sync.server.models import Meta


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Path]:
    from fastapi.testclient import TestClient

    path = tmp_path / "server.sqlite3"
    app = create_app(f"sqlite:///{path}", blob_dir=tmp_path / "blobs")
    with TestClient(app):
        yield path


def _write(key: str) -> int:
    """Commit one more meta row; returns how many the database then holds (the file and
    its WAL together): the schema version, the epoch and what start-up noted, and this."""
    with server_db.current().connection_context():
        with server_db.write_transaction():
            Meta.insert(key=key, value="x" * 2000).execute()
        return Meta.select().count()


def _checkpointers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "wal-checkpoint"]


def _reaches_the_file(path: Path, table: str, rows: int, within_s: float = 10) -> bool:
    deadline = time.monotonic() + within_s
    while count_in_file_alone(path, table) < rows:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_what_a_served_server_commits_reaches_the_database_file_soon(served):
    rows = _write("pushed")
    # The writers' own checkpoint waits for BACKSTOP_PAGES: without the thread the row
    # would stay in the WAL.
    assert _reaches_the_file(served, "meta", rows)
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
        rows = _write("last")
    assert _checkpointers() == []
    # What was committed last is in the file: the thread checkpointed it on its way out.
    assert count_in_file_alone(path, "meta") == rows


def test_a_pull_copies_its_pages_into_the_store_file_while_it_runs(make_device, seed):
    device = make_device("a").enroll("p-insp")
    store = device.home / "fieldapp.sqlite3"
    in_the_file: list[bool] = []

    def progress(phase: str, done: int, total: int) -> None:
        venues = Venue.select().count()  # committed so far, page by page
        if phase == "pull" and venues and not in_the_file:
            in_the_file.append(_reaches_the_file(store, "venue", venues, within_s=5))

    with device.client(page_size=1) as client:
        assert client.sync_once(progress).ok
    assert in_the_file == [True]
    # After the pull the store checkpoints in its own commits again, as SQLite does: the
    # answers typed between syncs keep the WAL small.
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    assert _checkpointers() == []


def test_a_checkpointer_that_cannot_open_its_database_leaves_it_to_the_writers(tmp_path, caplog):
    checkpointer = Checkpointer(tmp_path / "no such folder" / "server.sqlite3")
    checkpointer.start()
    checkpointer.committed()
    checkpointer.stop()  # returns: the thread ended with a warning, not a traceback
    assert "left to the writers" in caplog.text
