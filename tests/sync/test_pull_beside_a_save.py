"""A pulled page is applied while the UI commits a save: the page's transaction takes the
write lock at BEGIN (`write_transaction`), so the save's commit is waited for, or waits,
instead of failing the sync at once with "database is locked" (in WAL mode a deferred
transaction that has read cannot write once another connection has committed). Against
a real server; the save is a real second connection committing in a thread of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from second_writer_support import SecondWriter

from fieldapp.store.db import db
from fieldapp.store.models import Venue
from sync.client import apply


def test_a_page_pulled_while_a_save_commits_is_applied(
    make_device: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = make_device("worker").enroll("p-insp")
    save = SecondWriter(Path(db.database))
    rows_in = apply.rows_in

    def venues_read_then_a_save_commits(sql: str, *args: Any, **kwargs: Any) -> Any:
        held = rows_in(sql, *args, **kwargs)  # the page's first read: its snapshot
        if sql.startswith("SELECT id, code FROM venue") and not save.started:
            save.start()  # the UI's save commits before the page writes its venues
        return held

    monkeypatch.setattr(apply, "rows_in", venues_read_then_a_save_commits)
    with worker.client(page_size=1) as client:  # a page of one venue starts with its read
        result = client.sync_once()
    save.join()
    assert result.ok, result.errors
    assert save.started and save.waited  # held off by the page, then written after it
    assert Venue.select().count() > 0 and save.rows() == 1
