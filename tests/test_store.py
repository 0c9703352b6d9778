"""The local store: migrations on existing files, pragmas, the gap-free outbox sequence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from peewee import IntegrityError

from fieldapp.services.common import outbox
from fieldapp.store import migrations
from fieldapp.store.db import db
from fieldapp.store.migrations import SCHEMA_VERSION, StoreTooNew, current_version
from fieldapp.store.models import Grid, Inspection, Outbox, Person, Venue
from fieldapp.store.opening import close_store, open_store


def _user_version() -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def test_new_store_is_at_the_current_version(tmp_path: Path) -> None:
    open_store(tmp_path / "s.sqlite3")
    try:
        assert _user_version() == SCHEMA_VERSION == len(migrations.MIGRATIONS)
    finally:
        close_store()


def test_a_first_start_cut_short_leaves_no_half_made_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new store is made in one transaction: a start that fails at the last step leaves
    no tables and version 0, and the next start makes the whole store."""
    path = tmp_path / "s.sqlite3"

    def power_cut(_db: object) -> None:
        raise OSError("power cut")

    steps = [*migrations.MIGRATIONS[:-1], power_cut]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    with pytest.raises(OSError, match="power cut"):
        open_store(path)
    try:
        assert _user_version() == 0
        assert db.get_tables() == []
    finally:
        close_store()
    monkeypatch.undo()
    open_store(path)
    try:
        assert _user_version() == SCHEMA_VERSION
        assert Grid.select().count() == 0
    finally:
        close_store()


def test_reopen_keeps_data_and_version(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    open_store(path)
    Grid.create(code="T01", name="示例镇", level="town")
    close_store()
    open_store(path)
    try:
        assert Grid.get_by_id("T01").name == "示例镇"
        assert _user_version() == SCHEMA_VERSION
    finally:
        close_store()


def test_store_from_the_first_schema_is_brought_forward(tmp_path: Path) -> None:
    """A file written at version 1 keeps its rows and gains every later migration."""
    path = tmp_path / "old.sqlite3"
    open_store(path, migrate=False)
    with db.atomic():
        migrations.MIGRATIONS[0](db)
        db.execute_sql("PRAGMA user_version = 1")
    Grid.create(code="T01", name="示例镇", level="town")
    Venue.create(
        id="v1", code="DM-0001", name="鼎美村·福顺小旅馆(示例)", kind="small_hotel", grid="T01"
    )
    close_store()

    open_store(path)
    try:
        assert current_version(db) == SCHEMA_VERSION
        assert Venue.get_by_id("v1").name == "鼎美村·福顺小旅馆(示例)"
        hits = db.execute_sql(
            "SELECT count(*) FROM venue_fts WHERE venue_fts MATCH ?", ['"福顺小旅馆"']
        ).fetchone()[0]
        assert hits == 1
    finally:
        close_store()


def test_a_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    open_store(path)
    db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    close_store()
    with pytest.raises(StoreTooNew):
        open_store(path)
    close_store()


def test_pragmas(home: Path) -> None:
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_foreign_keys_are_enforced(home: Path) -> None:
    with pytest.raises(IntegrityError):
        Venue.create(id="v1", code="X-0001", name="x", kind="small_shop", grid="NOPE")


def test_outbox_sequence_is_gap_free(home: Path) -> None:
    for n in range(3):
        with db.atomic():
            outbox.enqueue("note", {"n": n})

    class Boom(Exception):
        pass

    with pytest.raises(Boom), db.atomic():
        outbox.enqueue("note", {"n": "rolled back"})
        raise Boom

    for n in range(3, 5):
        with db.atomic():
            outbox.enqueue("note", {"n": n})
    rows = list(Outbox.select().order_by(Outbox.seq))
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert all("rolled back" not in r.payload for r in rows)
    assert len({r.op_id for r in rows}) == 5


def _indexes(table: str) -> set[str]:
    rows = db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                          (table,))  # fmt: skip
    return {row[0] for row in rows}


def test_an_older_stores_second_indexes_are_dropped_and_answers_found_by_their_key(
    tmp_path: Path,
) -> None:
    """A store from before version 20 had an index on answer.inspection_id and one on
    finding_event.finding_id beside indexes that start with those columns: they go, and
    an inspection's answers are still read through an index, the primary key's."""
    path = tmp_path / "old.sqlite3"
    open_store(path, migrate=False)
    with db.atomic():
        for step in migrations.MIGRATIONS[:19]:
            step(db)
        db.execute_sql('CREATE INDEX "answer_inspection_id" ON "answer" ("inspection_id")')
        db.execute_sql('CREATE INDEX "finding_event_finding_id" ON "finding_event" ("finding_id")')
        db.execute_sql("PRAGMA user_version = 19")
    close_store()

    open_store(path)
    try:
        assert "answer_inspection_id" not in _indexes("answer")
        assert "finding_event_finding_id" not in _indexes("finding_event")
        plan = " ".join(
            str(row[-1])
            for row in db.execute_sql(
                "EXPLAIN QUERY PLAN SELECT * FROM answer WHERE inspection_id = ?", ("i",)
            )
        )
        assert "USING INDEX sqlite_autoindex_answer_1" in plan, plan
    finally:
        close_store()


def test_a_new_store_has_no_second_index_on_answers_or_events(tmp_path: Path) -> None:
    open_store(tmp_path / "s.sqlite3")
    try:
        assert _indexes("answer") == {"sqlite_autoindex_answer_1"}
        assert "finding_event_finding_id" not in _indexes("finding_event")
    finally:
        close_store()


def test_home_reads_my_returned_inspections_by_their_partial_index(tmp_path: Path) -> None:
    """Home's line of returned inspections ran on every home start and walked every
    inspection of the person (~190 ms at 51,000): it reads the few returned ones by the
    partial index instead."""
    from fieldapp.services.inspection.returned import _SQL

    open_store(tmp_path / "s.sqlite3")
    try:
        plan = " ".join(row[3] for row in db.execute_sql("EXPLAIN QUERY PLAN " + _SQL, ("p",)))
        assert "USING INDEX inspection_returned" in plan, plan
        assert "SCAN" not in plan, plan
    finally:
        close_store()


def test_an_older_store_takes_the_servers_inspection_date_from_what_it_pulled(
    tmp_path: Path,
) -> None:
    """Version 25 had no `server_inspected_on`: a venue's last inspection date no
    inspection on the device is dated from came from the server; one a device's own
    inspection set is left to the next pull."""
    path = tmp_path / "old.sqlite3"
    open_store(path, migrate=False)
    with db.atomic():
        for step in migrations.MIGRATIONS[:25]:
            step(db)
        db.execute_sql("ALTER TABLE venue DROP COLUMN server_inspected_on")
        db.execute_sql("PRAGMA user_version = 25")
        Grid.create(code="T01", name="示例镇", level="town")
        Person.create(id="p", name="张三", role="inspector")
        for venue_id, day in (("pulled", "2026-05-02"), ("mine", "2026-05-03"), ("new", None)):
            Venue.insert(  # named columns only: no server_inspected_on yet
                id=venue_id, code=venue_id, name="场所", kind="small_shop", grid="T01",
                last_inspected_on=day,
            ).execute()  # fmt: skip
        Inspection.insert(
            id="i", venue="mine", checklist_id="c", checklist_version=1, inspector="p",
            started_at="2026-05-03T02:00:00Z", submitted_at="2026-05-03T02:00:00Z",
            status="submitted",
        ).execute()  # fmt: skip
    close_store()

    open_store(path)
    try:
        assert current_version(db) == SCHEMA_VERSION
        held = {v.id: v.server_inspected_on for v in Venue.select()}
        assert held == {"pulled": dt.date(2026, 5, 2), "mine": None, "new": None}
    finally:
        close_store()
