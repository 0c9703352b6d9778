"""Opening the server database (SQLite file or PostgreSQL), its schema and its epoch."""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peewee import Database, Model, PostgresqlDatabase
from playhouse.pool import PooledSqliteDatabase

from fieldapp.sqlite_checkpoints import BACKSTOP_PAGES, Checkpointer
from sync.protocol import record_photos
from sync.server.activity_models import ACTIVITY_MODELS
from sync.server.admin_models import ADMIN_MODELS
from sync.server.blob_models import BLOB_STORE_MODELS
from sync.server.followup_models import FOLLOWUP_MODELS
from sync.server.incident_models import INCIDENT_MODELS
from sync.server.legacy_answers import move_answer_rows
from sync.server.models import ALL_MODELS, BlobRef, Meta, database
from sync.server.office_models import OFFICE_MODELS
from sync.server.patrol_models import PATROL_MODELS
from sync.server.people_models import PEOPLE_MODELS
from sync.server.pg_pool import PostgresPool
from sync.server.review_models import REVIEW_MODELS
from sync.server.schema_fingerprint import FINGERPRINT_KEY, schema_fingerprint
from sync.server.schema_upgrade import (
    ADDED_COLUMNS,
    REDUNDANT_INDEXES,
    add_missing_columns,
    drop_redundant_indexes,
)

SCHEMA_VERSION = 1

# Every table of the server, in an order that creates each after those it refers to.
EVERY_MODEL: list[type[Model]] = [
    *ALL_MODELS,
    *ADMIN_MODELS,
    *INCIDENT_MODELS,
    *PEOPLE_MODELS,
    *FOLLOWUP_MODELS,
    *ACTIVITY_MODELS,
    *PATROL_MODELS,
    *OFFICE_MODELS,
    *BLOB_STORE_MODELS,
    *REVIEW_MODELS,
]

SERVER_SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",  # an acknowledged op must survive a power cut
    "busy_timeout": 15000,
    # Savepoint journals in memory: a push runs in a savepoint of its group's transaction
    # (group_commit), which keeps a copy of each page the push changes, and past 64 KiB
    # SQLite wrote that copy to a temp file: ~0.1-1.7 MB a push of 100 inspections, a
    # quarter of what a 10k push wrote, none of it needed once the savepoint is released.
    "temp_store": "memory",
    "wal_autocheckpoint": BACKSTOP_PAGES,  # a thread checkpoints while serving (checkpointer)
}


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def sqlite_path(url: str) -> Path:
    """The file behind a SQLite URL (`sqlite:///relative.db`, `sqlite:////abs.db`) or path."""
    return Path(url[len("sqlite:///") :] if url.startswith("sqlite:///") else url)


def open_database(url: str, *, max_connections: int = 32) -> Database:
    """Bind the server models to the database at `url` (one database per process)."""
    db: Database
    if is_postgres_url(url):
        # peewee 4.5 drives psycopg 3 itself (Psycopg3Adapter); the URL is the conninfo.
        conninfo = "postgresql://" + url.split("://", 1)[1]
        db = PostgresPool(
            conninfo,
            prefer_psycopg3=True,
            max_connections=max_connections,
            stale_timeout=300,
            timeout=30,
        )
    else:
        path = sqlite_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = PooledSqliteDatabase(
            str(path),
            pragmas=SERVER_SQLITE_PRAGMAS,
            check_same_thread=False,
            max_connections=max_connections,
            stale_timeout=300,
            timeout=30,
        )
    database.initialize(db)
    return db


_checkpointer: Checkpointer | None = None


def start_checkpointer() -> None:
    """While serving a SQLite database, checkpoint its WAL in a thread, not in pushes."""
    global _checkpointer
    db = current()
    if is_postgres():
        return
    if _checkpointer is not None:
        if _checkpointer.path == Path(db.database):
            return
        stop_checkpointer()  # the process opened another database since
    _checkpointer = Checkpointer(Path(db.database))
    _checkpointer.start()


def stop_checkpointer() -> None:
    global _checkpointer
    if _checkpointer is not None:
        _checkpointer.stop()
        _checkpointer = None


def current() -> Database:
    db = database.obj
    if db is None:
        raise RuntimeError("the server database is not open; call open_database(url) first")
    return db


def is_postgres() -> bool:
    return isinstance(current(), PostgresqlDatabase)


# SQLite has one writer at a time. Threads of one process that wait for it inside SQLite's
# busy handler sleep in growing steps (up to 100 ms) and wake in no order, so under load a
# push can wait seconds; queued on this lock they take turns as soon as it is free. Other
# processes on the same file still meet busy_timeout.
_SQLITE_WRITER = threading.RLock()


@contextmanager
def write_transaction() -> Iterator[None]:
    """A transaction that writes. SQLite takes the write lock at BEGIN (IMMEDIATE) so two
    writers never deadlock upgrading a read lock; PostgreSQL runs READ COMMITTED."""
    db = current()
    if is_postgres():
        with db.atomic():
            yield
        return
    with _SQLITE_WRITER, db.atomic(lock_type="IMMEDIATE"):
        yield
    if _checkpointer is not None:
        _checkpointer.committed()


def snapshot_transaction() -> Any:
    """A read transaction whose statements all see one snapshot (pull paging needs it)."""
    db = current()
    if is_postgres():
        return db.atomic(isolation_level="REPEATABLE READ")
    return db.atomic()  # WAL: a deferred read transaction is a snapshot


def rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's result as plain tuples (typed for mypy: the stubs type rows as models)."""
    return list(query.tuples())


def now_iso() -> str:
    """Server time (the only clock that orders anything)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def upgrade_in_place(db: Database) -> None:
    """Bring the tables of a database an older server made up to this one, in one
    transaction: columns added, answer rows moved into their inspections, indexes dropped."""
    with write_transaction():
        add_missing_columns(db, postgres=is_postgres(), at=now_iso())
        move_answer_rows(db)
        drop_redundant_indexes(db)


def init_schema(*, remake: bool = False) -> str:
    """Create missing tables and columns and the epoch; returns the epoch. Safe to run
    again. A database that has this program's schema already (its fingerprint in meta)
    is left as it is, unless `remake` (`admin init`) asks to make it again."""
    db = current()
    with db.connection_context():
        made = schema_fingerprint(
            EVERY_MODEL, ADDED_COLUMNS, REDUNDANT_INDEXES, PHOTO_RECORD_TYPES,
            _SQLITE_APPEND_ONLY, _PG_APPEND_ONLY, SCHEMA_VERSION,
        )  # fmt: skip
        if not remake and _has_schema(made):
            return get_epoch()
        upgrading = db.table_exists("change_log") and not db.table_exists("blob_ref")
        db.create_tables(EVERY_MODEL, safe=True)
        upgrade_in_place(db)
        if upgrading:  # a database from before blobs were scoped: note who may read what
            backfill_blob_refs()
        note_new_photo_types()
        _make_audit_append_only()
        with write_transaction():
            Meta.insert(
                key="schema_version", value=str(SCHEMA_VERSION)
            ).on_conflict_ignore().execute()
            Meta.insert(key="epoch", value=uuid.uuid4().hex).on_conflict_ignore().execute()
            Meta.insert(key=FINGERPRINT_KEY, value=made).on_conflict(
                conflict_target=[Meta.key], update={Meta.value: made}
            ).execute()
        return get_epoch()


def _has_schema(fingerprint: str) -> bool:
    if not current().table_exists("meta"):
        return False
    held = Meta.get_or_none(Meta.key == FINGERPRINT_KEY)
    return held is not None and held.value == fingerprint


def add_missing_tables() -> None:
    """Create tables (alerts, …) and columns a newer program added in a database that is already
    initialised; refuse, with what to do, one that is not. Needs a connection."""
    db = current()
    if not db.table_exists("meta"):
        raise ValueError(
            "this is not an initialised fieldapp server database; check --db, or run "
            "`fieldapp admin init` to make one"
        )
    db.create_tables(EVERY_MODEL, safe=True)
    upgrade_in_place(db)


def get_epoch() -> str:
    db = current()
    row = db.execute_sql(f"SELECT value FROM meta WHERE key = {db.param}", ("epoch",)).fetchone()
    if row is None:
        raise RuntimeError("the server database is not initialised; run `fieldapp admin init`")
    return str(row[0])


def new_epoch() -> str:
    """Start a new epoch: run after restoring a backup so devices re-pull and re-push."""
    epoch = uuid.uuid4().hex
    with current().connection_context(), write_transaction():
        Meta.insert(key="epoch", value=epoch).on_conflict(
            conflict_target=[Meta.key], update={Meta.value: epoch}
        ).execute()
    return epoch


# --- who may read a blob (blob_scope): the rows, and their backfill -------------------------

PHOTO_RECORD_TYPES = (
    "finding", "finding.event", "inspection", "incident", "incident.event", "activity",
    "patrol_run",  # its visits' photos (2026-12)
)  # fmt: skip
# The types a blob_ref filled before the types noted were kept in meta (PHOTO_TYPES_KEY).
_FIRST_PHOTO_TYPES = PHOTO_RECORD_TYPES[:6]
PHOTO_TYPES_KEY = "blob_ref_types"
BlobRefRow = tuple[str, str, str, str]  # sha256, grid code, audience, uploading device


def insert_blob_refs(rows: set[BlobRefRow]) -> None:
    if not rows:
        return
    fields = [BlobRef.sha256, BlobRef.grid_code, BlobRef.audience, BlobRef.device]
    ordered = sorted(rows)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        BlobRef.insert_many(chunk, fields=fields).on_conflict_ignore().execute()


def _feed_refs(types: tuple[str, ...]) -> set[BlobRefRow]:
    """Who may read the photos the feed's records of `types` name."""
    marks = ", ".join(current().param for _ in types)
    cursor = current().execute_sql(
        f"SELECT grid_code, audience, payload FROM change_log WHERE type IN ({marks})"
        " AND deleted = FALSE",
        types,
    )
    return {
        (sha, grid_code or "", audience, "")
        for grid_code, audience, payload in cursor
        for sha in record_photos(json.loads(payload))
    }


def _note_photo_types(types: tuple[str, ...]) -> None:
    value = ",".join(types)
    Meta.insert(key=PHOTO_TYPES_KEY, value=value).on_conflict(
        conflict_target=[Meta.key], update={Meta.value: value}
    ).execute()


def note_new_photo_types() -> int:
    """Note who may read the photos of record types that became PHOTO_RECORD_TYPES after
    this database's blob_ref was filled (patrol runs' visit photos: a run the server held
    before reached no other device with its photos). Once per type: the types noted are
    kept in meta. Returns the rows noted."""
    held = Meta.get_or_none(Meta.key == PHOTO_TYPES_KEY)
    noted = set(held.value.split(",")) if held is not None else set(_FIRST_PHOTO_TYPES)
    new = tuple(t for t in PHOTO_RECORD_TYPES if t not in noted)
    if not new:
        return 0
    rows = _feed_refs(new)
    with write_transaction():
        insert_blob_refs(rows)
        _note_photo_types(PHOTO_RECORD_TYPES)
    return len(rows)


def backfill_blob_refs() -> int:
    """Fill blob_ref from the feed and the blob table, for a database made before blobs
    were scoped; run once, when the table is created. Returns the rows noted."""
    db = current()
    rows = _feed_refs(PHOTO_RECORD_TYPES)
    # The feed keeps an inspection's answers in its row: their photos too.
    answers = db.execute_sql(
        "SELECT c.grid_code, c.audience, i.answers FROM inspection i JOIN change_log c"
        " ON c.type = 'inspection' AND c.record_id = i.id AND c.deleted = FALSE"
        " WHERE i.answers <> '[]'"
    )
    for grid_code, audience, answers_text in answers:
        for sha in record_photos({"answers": json.loads(answers_text)}):
            rows.add((sha, grid_code or "", audience, ""))
    for sha, device in db.execute_sql("SELECT sha256, device FROM blob WHERE device <> ''"):
        rows.add((sha, "", "all", device))
    with write_transaction():
        insert_blob_refs(rows)
        _note_photo_types(PHOTO_RECORD_TYPES)
    return len(rows)


# --- the audit trail is append-only, in the database itself --------------------------------

_SQLITE_APPEND_ONLY = [
    f"CREATE TRIGGER IF NOT EXISTS audit_entry_no_{verb.lower()} BEFORE {verb} ON audit_entry"
    " BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
    for verb in ("UPDATE", "DELETE")
]
_PG_APPEND_ONLY = [
    # One block, each part only if missing: the schema is made again at every start-up.
    "DO $do$ BEGIN"
    " IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'audit_entry_append_only') THEN"
    " CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql"
    " AS $f$ BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $f$;"
    " END IF;"
    " IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_entry_append_only') THEN"
    " CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE"
    " ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();"
    " END IF; END $do$",
]


def _make_audit_append_only() -> None:
    db = current()
    with write_transaction():
        for statement in _PG_APPEND_ONLY if is_postgres() else _SQLITE_APPEND_ONLY:
            db.execute_sql(statement)
