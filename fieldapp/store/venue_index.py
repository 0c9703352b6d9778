"""The venue search index: FTS5 (trigram, so Chinese substrings match) over each venue's
name, code, address and name's pinyin (`romanized`), kept by triggers; and a way to add
venues by the thousand.

Through the insert trigger each venue is one more statement run inside SQLite: inserting
100,000 venues took ~6.3 s of CPU with it and ~1.8 s without it plus one statement that
indexes them all afterwards (1.3 s with no index at all; measured on this 2-CPU machine).
Into an empty table, the venue table's own indexes are also made after the rows, each in
one sorted pass, instead of grown one row at a time: at a million venues 19 s of CPU for
the rows with the indexes, 13 s for the rows then the indexes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from peewee import SqliteDatabase

CREATE_INDEX = (
    "CREATE VIRTUAL TABLE venue_fts USING fts5("
    "name, code, address, romanized, "
    "content='venue', content_rowid='rowid', tokenize='trigram')"
)
INSERT_TRIGGER = (
    "CREATE TRIGGER venue_fts_ai AFTER INSERT ON venue BEGIN "
    "INSERT INTO venue_fts(rowid, name, code, address, romanized) "
    "VALUES (new.rowid, new.name, new.code, new.address, new.romanized); END"
)
DELETE_TRIGGER = (
    "CREATE TRIGGER venue_fts_ad AFTER DELETE ON venue BEGIN "
    "INSERT INTO venue_fts(venue_fts, rowid, name, code, address, romanized) "
    "VALUES ('delete', old.rowid, old.name, old.code, old.address, old.romanized); END"
)
UPDATE_TRIGGER = (
    "CREATE TRIGGER venue_fts_au AFTER UPDATE OF name, code, address, romanized ON venue "
    "BEGIN INSERT INTO venue_fts(venue_fts, rowid, name, code, address, romanized) "
    "VALUES ('delete', old.rowid, old.name, old.code, old.address, old.romanized); "
    "INSERT INTO venue_fts(rowid, name, code, address, romanized) "
    "VALUES (new.rowid, new.name, new.code, new.address, new.romanized); END"
)
FILL_INDEX = (
    "INSERT INTO venue_fts(rowid, name, code, address, romanized) "
    "SELECT rowid, name, code, address, romanized FROM venue WHERE rowid > ?"
)


def create_venue_index(db: SqliteDatabase) -> None:
    for statement in (CREATE_INDEX, INSERT_TRIGGER, DELETE_TRIGGER, UPDATE_TRIGGER):
        db.execute_sql(statement)


def rebuild_venue_index(db: SqliteDatabase) -> None:
    """The index and its triggers made again as `create_venue_index` makes them now, over
    the venues there are (a schema step that changes what it holds)."""
    for name in ("venue_fts_ai", "venue_fts_ad", "venue_fts_au"):
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    db.execute_sql("DROP TABLE IF EXISTS venue_fts")
    create_venue_index(db)
    db.execute_sql(FILL_INDEX, (0,))


@contextmanager
def venues_added_in_bulk(db: SqliteDatabase) -> Iterator[None]:
    """Venues inserted inside are indexed together at the end, in one statement, instead
    of one trigger run each. Call inside a transaction: the trigger is dropped and made
    again in it, so no other connection ever sees the store without it, and a rollback
    undoes both. Inserts only: a venue added inside is not in the index until the end, and
    the update and delete triggers would take out of the index what is not in it yet
    (FTS5 then finds the store malformed)."""
    if not db.in_transaction():
        raise RuntimeError("venues_added_in_bulk needs an open transaction")
    (before,) = db.execute_sql("SELECT coalesce(max(rowid), 0) FROM venue").fetchone()
    db.execute_sql("DROP TRIGGER venue_fts_ai")
    # Only when empty: made again over rows already there, an index costs more than it saves.
    indexes = [] if before else _drop_indexes(db)
    try:
        yield
    finally:  # new rowids follow the largest one (no AUTOINCREMENT, nothing above it)
        for statement in indexes:  # a duplicate code added inside fails here, unique again
            db.execute_sql(statement)
        db.execute_sql(FILL_INDEX, (before,))
        db.execute_sql(INSERT_TRIGGER)


def _drop_indexes(db: SqliteDatabase) -> list[str]:
    """Drop the venue table's indexes (not its primary key's); returns the statements that
    make them again."""
    rows = db.execute_sql(
        "SELECT name, sql FROM sqlite_master "
        "WHERE type = 'index' AND tbl_name = 'venue' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in rows:
        db.execute_sql(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]
