"""Bulk writes for push: rows collected in memory, written with the connection's executemany
(on PostgreSQL with COPY).

`insert_many` builds and renders one query object per chunk and converts every value
through its field (~12× a raw `executemany` here); the push path writes ~20 rows per
inspection, so it collects plain tuples and hands them to the DB-API cursor instead. The
values must already be what the column stores: JSON columns as canonical JSON text,
booleans as bool, dates as ISO text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

import peewee
from peewee import Model

from sync.server import db as server_db

# The driver's errors as peewee's (IntegrityError, OperationalError), as for its queries.
DRIVER_ERRORS = peewee.__exception_wrapper__  # type: ignore[attr-defined]


@cache
def insert_sql(model: type[Model], names: tuple[str, ...], param: str) -> str:
    """`INSERT INTO table (columns) VALUES (params)` for the model fields `names`."""
    fields = model._meta.fields
    columns = ", ".join(f'"{fields[name].column_name}"' for name in names)
    params = ", ".join([param] * len(names))
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({params})'


# On PostgreSQL every table a push writes in bulk goes through COPY: one stream instead of
# a statement per row (executemany is one round trip a row, even pipelined, and psycopg's
# Python per statement). A duplicate key fails the COPY as it fails an INSERT.
COPIED_TABLES = frozenset({"change_log", "applied_op", "inspection", "finding", "finding_event"})


@cache
def copy_sql(model: type[Model], names: tuple[str, ...]) -> str:
    fields = model._meta.fields
    columns = ", ".join(f'"{fields[name].column_name}"' for name in names)
    return f'COPY "{model._meta.table_name}" ({columns}) FROM STDIN'


# Rows a group commit writes at its end (PostgreSQL): table (model, columns) -> rows, in
# the order the tables were first written.
HeldRows = dict[tuple[type[Model], tuple[str, ...]], list[tuple[Any, ...]]]


class _Held(threading.local):
    rows: HeldRows | None = None


_held = _Held()


@contextmanager
def rows_held(hold: bool = True) -> Iterator[HeldRows]:
    """Inside, in this thread, `execute_many(..., may_hold=True)` only collects its rows,
    in the dict this yields, for a group commit to write with `write_held` at its end: one
    COPY a table for the group instead of one a push (each is two round trips and ~0.6 ms
    of PostgreSQL's work, most of it the same for 5 rows as for 50). `hold=False`: rows
    are written at once inside (the dict stays empty)."""
    held: HeldRows = {}
    outer, _held.rows = _held.rows, held if hold else None
    try:
        yield held
    finally:
        _held.rows = outer


def rows_are_held() -> bool:
    """Whether rows written with `may_hold` wait for the group's end (in `rows_held`)."""
    return _held.rows is not None


class HeldRowsRefused(Exception):
    """The database refused rows held to a group's end (a key another push of the group
    wrote too, e.g. a device's batch sent again while the first send was in the group):
    the group is run again with every push writing its own rows, which sorts it out."""


def write_held(rows: HeldRows) -> None:
    """Write the rows held for a group, a table at a time in the order first written."""
    try:
        for (model, names), table_rows in rows.items():
            execute_many(model, names, table_rows)
    except peewee.IntegrityError as error:
        raise HeldRowsRefused(str(error)) from error


def execute_many(
    model: type[Model],
    names: tuple[str, ...],
    rows: Sequence[tuple[Any, ...]],
    *,
    may_hold: bool = False,
) -> None:
    """Insert `rows` (tuples in the order of `names`) in the current transaction.
    `may_hold`: nothing reads them back before the transaction ends, so inside
    `rows_held` they are only collected."""
    if not rows:
        return
    if may_hold and _held.rows is not None:
        _held.rows.setdefault((model, names), []).extend(rows)
        return
    db = server_db.current()
    with DRIVER_ERRORS:  # as peewee IntegrityError etc., as for queries
        if model._meta.table_name in COPIED_TABLES and server_db.is_postgres():
            with db.cursor().copy(copy_sql(model, names)) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        db.cursor().executemany(insert_sql(model, names, db.param), rows)


@cache
def _model_select_sql(model: type[Model], key: str) -> str:
    """`SELECT <every column> FROM table WHERE key IN ({})`, made once per model."""
    fields = model._meta.fields
    columns = ", ".join(f'"{field.column_name}"' for field in model._meta.sorted_fields)
    table = model._meta.table_name
    return f'SELECT {columns} FROM "{table}" WHERE "{fields[key].column_name}" IN ({{}})'


def models_in(
    model: type[Model], key: str, values: Sequence[Any], *, chunk: int = 500
) -> list[Any]:
    """The `model` rows whose field `key` is among `values`, as model objects. Built from a
    statement made once: peewee rendering `Model.select().where(...)` anew costs ~0.2 ms
    a query, as much as the rest of a small push's reads."""
    db = server_db.current()
    sql = _model_select_sql(model, key)
    found: list[Any] = []
    for start in range(0, len(values), chunk):
        part = values[start : start + chunk]
        found += model.raw(sql.format(", ".join([db.param] * len(part))), *part)
    return found


def select_in(
    sql: str, values: Sequence[Any], *, chunk: int = 500, before: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]]:
    """Rows of `sql`, whose one `IN ({})` placeholder takes `values`, chunk by chunk;
    `before`: the parameters of the placeholders ahead of it (a CTE's)."""
    db = server_db.current()
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(values), chunk):
        part = values[start : start + chunk]
        query = sql.format(", ".join([db.param] * len(part)))
        found += db.execute_sql(query, (*before, *part)).fetchall()
    return found


def ids_held(tables: tuple[str, ...], wanted: tuple[set[str], ...]) -> tuple[set[str], ...]:
    """Those of each set of ids in `wanted` that the table at the same place holds (by its
    `id` column): in one statement for a batch of ordinary size (on PostgreSQL each
    statement is a round trip), chunk by chunk for a larger one."""
    if sum(map(len, wanted)) > 500:
        sql = "SELECT id FROM {} WHERE id IN ({{}})"
        return tuple(
            {row[0] for row in select_in(sql.format(table), sorted(ids))}
            for table, ids in zip(tables, wanted, strict=True)
        )
    found: tuple[set[str], ...] = tuple(set() for _ in tables)
    db = server_db.current()
    parts, params = [], []
    for n, (table, ids) in enumerate(zip(tables, wanted, strict=True)):
        if ids:
            marks = ", ".join([db.param] * len(ids))
            parts.append(f"SELECT {n}, id FROM {table} WHERE id IN ({marks})")  # noqa: S608
            params += sorted(ids)
    if parts:
        for n, record_id in db.execute_sql(" UNION ALL ".join(parts), params).fetchall():
            found[n].add(record_id)
    return found
