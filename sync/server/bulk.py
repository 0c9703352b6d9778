"""Bulk writes for push: rows collected in memory, written with the connection's executemany
(on PostgreSQL, answers and feed rows with COPY).

`insert_many` builds and renders one query object per chunk and converts every value
through its field (~12× a raw `executemany` here); the push path writes ~20 rows per
inspection, so it collects plain tuples and hands them to the DB-API cursor instead. The
values must already be what the column stores: JSON columns as canonical JSON text,
booleans as bool, dates as ISO text.
"""

from __future__ import annotations

from collections.abc import Sequence
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


# On PostgreSQL the two largest writes of a push — answers (~20 per inspection) and feed
# rows — go through COPY: one stream instead of a statement per row.
COPIED_TABLES = frozenset({"answer", "change_log"})


@cache
def copy_sql(model: type[Model], names: tuple[str, ...]) -> str:
    fields = model._meta.fields
    columns = ", ".join(f'"{fields[name].column_name}"' for name in names)
    return f'COPY "{model._meta.table_name}" ({columns}) FROM STDIN'


def execute_many(
    model: type[Model], names: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert `rows` (tuples in the order of `names`) in the current transaction."""
    if not rows:
        return
    db = server_db.current()
    with DRIVER_ERRORS:  # as peewee IntegrityError etc., as for queries
        if model._meta.table_name in COPIED_TABLES and server_db.is_postgres():
            with db.cursor().copy(copy_sql(model, names)) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        db.cursor().executemany(insert_sql(model, names, db.param), rows)


def select_in(sql: str, values: Sequence[Any], *, chunk: int = 500) -> list[tuple[Any, ...]]:
    """Rows of `sql`, whose one `IN ({})` placeholder takes `values`, chunk by chunk."""
    db = server_db.current()
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(values), chunk):
        part = values[start : start + chunk]
        query = sql.format(", ".join([db.param] * len(part)))
        found += db.execute_sql(query, tuple(part)).fetchall()
    return found
