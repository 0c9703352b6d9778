"""Opening the field store: bind the deferred database to a file and bring its schema up
to date. Lives apart from `db` so that models (which need `db`) and migrations (which need
the models) import in one direction: opening → migrations → models → db."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from fieldapp.store.db import FIELD_PRAGMAS, db
from fieldapp.store.migrations import migrate as run_migrations


def open_store(path: Path | str, *, migrate: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the store file and bring its schema up to date."""
    if not db.is_closed():
        db.close()
    db.init(str(path), pragmas=FIELD_PRAGMAS, check_same_thread=False)
    db.connect(reuse_if_open=True)
    if migrate:
        run_migrations(db)
    return db


def close_store() -> None:
    if not db.is_closed():
        db.close()
