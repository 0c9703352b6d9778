"""A transaction that writes takes the write lock at BEGIN (`write_transaction`), so a
write beside another connection's commit waits for it instead of failing.

In WAL mode a deferred transaction that has read and then writes fails at once with
"database is locked" when another connection committed in between (SQLITE_BUSY_SNAPSHOT;
the busy timeout cannot help): an inspector filing the daily report while the sync
committed a pulled page lost the report. The second writer here is a real connection in
a thread of its own, committing at that very moment. Reads stay deferred: an export does not hold the sync off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rounds_support import Clock, add_venue, china, inspect
from second_writer_support import SecondWriter

from fieldapp.services.daily_report import reports
from fieldapp.services.export.ledger import export_ledger
from fieldapp.store.db import db
from fieldapp.store.models import DailyReport, Outbox


def test_a_report_filed_while_another_connection_commits_is_stored(
    tree: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree.set(china(2026, 6, 10, 16, 40))
    other = SecondWriter(Path(db.database))
    counts = reports.report_counts

    def counted_then_the_sync_commits(*args: Any, **kwargs: Any) -> Any:
        result = counts(*args, **kwargs)  # the report's reads: its snapshot is taken
        other.start()  # a pulled page commits between them and the report's write
        return result

    monkeypatch.setattr(reports, "report_counts", counted_then_the_sync_commits)
    report = reports.file_report("A11")
    other.join()
    assert DailyReport.get_by_id(report.id).grid_code == "A11"
    assert other.rows() == 1
    assert other.waited  # held off by the report's lock, then written after it


def test_a_write_beside_an_export_commits_at_once(tree: Clock, tmp_path: Path) -> None:
    for code, grid in (("S-1", "A11"), ("S-2", "A12")):
        inspect(tree, add_venue(code, "small_shop", grid), china(2026, 6, 5, 10))
    other = SecondWriter(Path(db.database))
    during: list[tuple[bool, int]] = []

    def page_written(done: int, total: int) -> None:
        if done and not other.started:  # the export is half-way through its pages
            other.start()
            other.join()
            during.append((other.waited, other.rows()))

    result = export_ledger(tmp_path / "ledger.csv", fmt="csv", page=1, progress=page_written)
    assert during == [(False, 1)]  # committed there and then, not after the export
    assert result.inspections == 2
    assert Outbox.select().where(Outbox.type == "export.recorded").count() == 1
