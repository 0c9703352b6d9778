"""Bulk upserts into the local store with the connection's executemany.

A pulled page holds up to thousands of records (an inspection brings ~20 answers);
model-by-model inserts cost a query object each. `RowWriter` renders one statement per
model and converts values the way the model's fields do (defaults filled in Python, as
peewee does; JSON as `json(?)` of the field's dumps, dates and booleans through the
field's `db_value`), then hands plain
tuples to `executemany` inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import peewee
from peewee import AutoField, BooleanField, DateField, Field, Model

from fieldapp.store.db import db

# The driver's errors as peewee's (IntegrityError, OperationalError), as for its queries.
DRIVER_ERRORS = peewee.__exception_wrapper__  # type: ignore[attr-defined]

_CONVERTED = (BooleanField, DateField)


def _is_json(field: Field) -> bool:
    return type(field).__name__ == "JSONField"


def _converter(field: Field) -> Any:
    if _is_json(field):
        # JSONField stores json(<its dumps>); the statement applies json() itself.
        dumps = field._json_dumps  # type: ignore[attr-defined]
        return lambda value: None if value is None else ("[]" if value == [] else dumps(value))
    if isinstance(field, _CONVERTED):
        return field.db_value
    return None


class RowWriter:
    """INSERT (optionally upsert or ignore) rows of `model` given as field-name dicts."""

    def __init__(
        self,
        model: type[Model],
        *,
        conflict: Sequence[str] = (),
        update: Sequence[str] = (),
        latest: Sequence[str] = (),
        ignore: bool = False,
        skip_unchanged: bool = False,
    ) -> None:
        """`update`: columns an upsert overwrites; `latest`: columns it only moves forward
        (the greater of the held and the new value; a NULL never replaces a value).
        `skip_unchanged`: a held row the upsert would leave as it is is not updated (so
        its UPDATE triggers, e.g. the venue search index's, do not run for nothing)."""
        self.fields, self.sql = _statement(model, tuple(conflict), tuple(update), tuple(latest),
                                           ignore, skip_unchanged)  # fmt: skip
        self.names = tuple(name for name, _, _ in self.fields)  # the order of a row's values
        self.rows: list[tuple[Any, ...]] = []

    def add(self, values: Mapping[str, Any]) -> None:
        row = []
        for name, convert, default in self.fields:
            if name in values:
                value = values[name]
            else:
                value = default() if callable(default) else default
            row.append(convert(value) if convert is not None else value)
        self.rows.append(tuple(row))

    def write(self) -> int:
        rows, self.rows = self.rows, []
        if rows:
            with DRIVER_ERRORS:  # as peewee IntegrityError etc., as for queries
                db.cursor().executemany(self.sql, rows)
        return len(rows)


@functools.cache
def _statement(
    model: type[Model],
    conflict: tuple[str, ...],
    update: tuple[str, ...],
    latest: tuple[str, ...],
    ignore: bool,
    skip_unchanged: bool = False,
) -> tuple[list[tuple[str, Any, Any]], str]:
    """(fields with their converter and default, the statement): made once per writer
    shape, not once per page."""
    fields = [f for f in model._meta.sorted_fields if not isinstance(f, AutoField)]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    params = ", ".join("json(?)" if _is_json(f) else "?" for f in fields)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    sql = f'{verb} INTO "{model._meta.table_name}" ({columns}) VALUES ({params})'
    if update or latest:
        by_name = model._meta.fields
        table = model._meta.table_name
        target = ", ".join(f'"{by_name[n].column_name}"' for n in conflict)
        held = [f'"{by_name[n].column_name}"' for n in (*update, *latest)]
        values = [f'excluded."{by_name[n].column_name}"' for n in update]
        for name in latest:
            column = by_name[name].column_name
            values.append(
                f'NULLIF(MAX(COALESCE("{table}"."{column}", \'\'),'
                f" COALESCE(excluded.\"{column}\", '')), '')"
            )
        sets = [f"{column} = {value}" for column, value in zip(held, values, strict=True)]
        sql += f" ON CONFLICT ({target}) DO UPDATE SET {', '.join(sets)}"
        if skip_unchanged:
            in_table = [f'"{table}".{column}' for column in held]
            sql += f" WHERE ({', '.join(in_table)}) IS NOT ({', '.join(values)})"
    return [(f.name, _converter(f), f.default) for f in fields], sql


def as_date(value: Any) -> dt.date | None:
    """The date an ISO date or time starts with (None for none)."""
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])


def existing(sql: str, values: Iterable[Any], *, chunk: int = 500) -> set[Any]:
    """The first column of `sql` (one `IN ({})` placeholder) for `values`, chunk by chunk."""
    wanted = sorted({v for v in values if v is not None})
    found: set[Any] = set()
    for start in range(0, len(wanted), chunk):
        part = wanted[start : start + chunk]
        query = sql.format(", ".join("?" * len(part)))
        found.update(row[0] for row in db.execute_sql(query, tuple(part)).fetchall())
    return found


def rows_in(sql: str, values: Iterable[Any], *, chunk: int = 500) -> list[tuple[Any, ...]]:
    """All rows of `sql` (one `IN ({})` placeholder) for `values`, chunk by chunk."""
    wanted = sorted({v for v in values if v is not None})
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(wanted), chunk):
        part = wanted[start : start + chunk]
        query = sql.format(", ".join("?" * len(part)))
        found += db.execute_sql(query, tuple(part)).fetchall()
    return found
