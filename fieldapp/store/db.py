"""The deferred database and its pragmas; `fieldapp.store.opening` binds it to a file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from peewee import Database, Model, SqliteDatabase

from fieldapp.sqlite_checkpoints import BACKSTOP_PAGES, Checkpointer
from fieldapp.store.storage_full import StorageFull, data_folder, is_storage_full, underlying

# Deferred: bound to a file by open_store(), so tests and several devices can share code.
db = SqliteDatabase(None)

FIELD_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # Losing a finished inspection to a power cut is worse than a millisecond per answer.
    "synchronous": "full",
    "busy_timeout": 5000,
    "cache_size": -16000,
}


@contextmanager
def write_transaction(database: SqliteDatabase = db) -> Iterator[None]:
    """A transaction that writes: `BEGIN IMMEDIATE`, the write lock taken at its start.

    Each thread writes through its own connection (the UI's workers, the sync's pages).
    A deferred transaction that reads first and writes after fails at once with
    "database is locked" when another connection commits between its first read and its
    first write: in WAL mode its snapshot is then stale, and the busy timeout cannot help
    (SQLITE_BUSY_SNAPSHOT). Taking the lock at BEGIN makes it wait, up to the busy timeout,
    for the other writer instead. Read-only transactions stay deferred (`db.atomic()`), so
    a long read does not hold off the sync. Nested, it is a savepoint, as `atomic()` is.

    When a write fails, the error raised is that one, never the rollback's failure after
    it (SQLite has already rolled back when the disk is full); a full disk is raised as
    `StorageFull`, which says what to do."""
    try:
        with database.atomic(lock_type="IMMEDIATE"):
            yield
    except Exception as error:  # noqa: BLE001 - raised again, as the error that failed
        failed = underlying(error)
    else:
        return
    if is_storage_full(failed) and not isinstance(failed, StorageFull):
        raise StorageFull(data_folder(str(database.database))) from failed
    raise failed


@contextmanager
def refetchable_commit() -> Iterator[None]:
    """The transaction opened inside commits without an fsync of its own (`synchronous =
    NORMAL` in WAL mode: still atomic, and it survives the app being killed; a power cut
    may undo it). Only for what the server holds as well — a pulled page with its cursor,
    the server's answers to a push — which the next sync fetches again if it is undone
    (an op sent again is answered `duplicate`). The next full commit on this store (the
    sync's own status, any answer) makes it durable with its own fsync of the WAL."""
    if db.in_transaction():  # SQLite cannot change the level inside one: keep it full
        yield
        return
    db.execute_sql("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        db.execute_sql("PRAGMA synchronous = FULL")


@contextmanager
def written_once(database: Database) -> Iterator[None]:
    """For filling a new SQLite database in one go (the demo's million venues): inside, a
    rollback journal instead of the WAL, so each new page is written once, to the file,
    instead of to the WAL and then again into the file (a million venues: 2–4 s less of
    the system's time). Outside any transaction, and only while nobody else has the
    database open: SQLite cannot change the journal mode otherwise. Another database
    (PostgreSQL) is filled as it is."""
    if not isinstance(database, SqliteDatabase):
        yield
        return
    database.execute_sql("PRAGMA journal_mode = DELETE")
    try:
        yield
    finally:
        database.execute_sql("PRAGMA journal_mode = WAL")


def rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's result as plain tuples (typed for mypy: the stubs type rows as models)."""
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def fk(row: Model, name: str) -> Any:
    """The raw value of a foreign key column, without loading the row it points to."""
    return row.__data__.get(name)


@contextmanager
def checkpoints_in_a_thread() -> Iterator[Checkpointer]:
    """While many pages are written (a pull): the WAL is copied back into the store file by
    a thread of its own, not inside the commits (`fieldapp.sqlite_checkpoints`). Call the
    yielded checkpointer's `committed()` after each commit. What the thread has not copied
    by the end is left to the store's next commits, as before."""
    checkpointer = Checkpointer(Path(str(db.database)))
    if db.database == ":memory:":
        yield checkpointer  # no WAL: `committed()` does nothing
        return
    (before,) = db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()
    db.execute_sql(f"PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}")
    checkpointer.start()
    try:
        yield checkpointer
    finally:
        checkpointer.stop(final=False)
        db.execute_sql(f"PRAGMA wal_autocheckpoint = {int(before)}")
