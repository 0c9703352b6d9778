"""The deferred database and its pragmas; `fieldapp.store.opening` binds it to a file."""

from __future__ import annotations

from typing import Any, cast

from peewee import Model, SqliteDatabase

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


def rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's result as plain tuples (typed for mypy: the stubs type rows as models)."""
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def fk(row: Model, name: str) -> Any:
    """The raw value of a foreign key column, without loading the row it points to."""
    return row.__data__.get(name)
