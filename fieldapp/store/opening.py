"""Opening the field store: bind the deferred database to a file and bring its schema up
to date. Lives apart from `db` so that models (which need `db`) and migrations (which need
the models) import in one direction: opening → migrations → models → db."""

from __future__ import annotations

import os
from pathlib import Path

from peewee import OperationalError, SqliteDatabase

from fieldapp.domain import clock
from fieldapp.paths import PRIVATE_FILE, restrict
from fieldapp.store.db import FIELD_PRAGMAS, db
from fieldapp.store.migrations import migrate as run_migrations
from fieldapp.store.models import SETTING_VALUE_SQL, Setting


def open_store(path: Path | str, *, migrate: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the store file and bring its schema up to date. The file
    holds the device token: it is created owner-only (0600), and narrowed back to that if
    found wider, with its WAL and shared-memory files (SQLite gives them its mode)."""
    if not db.is_closed():
        db.close()
    path = Path(path)
    if str(path) != ":memory:":
        _private_store_file(path)
    db.init(str(path), pragmas=FIELD_PRAGMAS, check_same_thread=False)
    db.connect(reuse_if_open=True)
    if migrate:
        run_migrations(db)
    _use_office_zone()
    return db


def _use_office_zone() -> None:
    """The office's time zone a sync brought, for today and times of day (the host's
    until one did), so it holds offline and after a restart."""
    try:
        row = db.execute_sql(SETTING_VALUE_SQL, (clock.OFFICE_ZONE_SETTING,)).fetchone()
    except OperationalError:  # a store not yet made (opened without migrating)
        row = None
    clock.use_zone(None if row is None else Setting.value.python_value(row[0]))


def _private_store_file(path: Path) -> None:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    for suffix in ("", "-wal", "-shm", "-journal"):
        restrict(path.with_name(path.name + suffix), PRIVATE_FILE)


def close_store() -> None:
    if not db.is_closed():
        db.close()
