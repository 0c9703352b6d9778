"""The fingerprint of the schema this program makes: its tables' columns and indexes, and
whatever else it adds (columns added since, audit triggers), hashed.

It is kept in meta once the schema is made. A start-up or an admin command on a database
that already has this program's schema then reads one row instead of running the ~140
statements again, which on PostgreSQL took over a second for every admin command. Any
change to a model, an index or an added column changes the fingerprint, so the next
start makes what is missing as before."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from peewee import Model

FINGERPRINT_KEY = "schema_fingerprint"


def schema_fingerprint(models: Iterable[type[Model]], *also: object) -> str:
    """The hash of what makes `models` (each table's columns with their types and
    constraints, and its indexes) and of `also` (the other parts of the schema, as data)."""
    digest = hashlib.sha256()
    for model in models:
        meta = model._meta
        columns = [
            (
                f.column_name, f.field_type, f.null, f.unique, f.index, f.primary_key,
                getattr(getattr(f, "rel_model", None), "__name__", None),
            )
            for f in meta.sorted_fields
        ]  # fmt: skip
        digest.update(repr((meta.table_name, columns, meta.indexes)).encode())
    digest.update(repr(also).encode())
    return digest.hexdigest()
