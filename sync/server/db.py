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
from sync.protocol import canonical_json, record_photos
from sync.server.activity_models import ACTIVITY_MODELS
from sync.server.admin_models import ADMIN_MODELS
from sync.server.blob_models import BLOB_STORE_MODELS
from sync.server.followup_models import FOLLOWUP_MODELS
from sync.server.incident_models import INCIDENT_MODELS
from sync.server.legacy_answers import move_answer_rows
from sync.server.models import ALL_MODELS, BlobRef, ChangeLog, Meta, database
from sync.server.office_models import OFFICE_MODELS
from sync.server.patrol_models import PATROL_MODELS
from sync.server.people_models import PEOPLE_MODELS
from sync.server.pg_pool import PostgresPool

SCHEMA_VERSION = 1
CHANGE_LOG_LOCK_KEY = 0x6669656C64  # "field": the one advisory lock for feed appends

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
]

SERVER_SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",  # an acknowledged op must survive a power cut
    "busy_timeout": 15000,
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


# Columns added to tables after databases were made with them: `create_tables` makes new
# tables whole but leaves existing ones as they are, so `init_schema` adds each column a
# database lacks. Additive only (both engines take ADD COLUMN with a default in place).
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("inspection", "presence_check", "VARCHAR(255) NOT NULL DEFAULT ''"),
    ("inspection", "presence_check_reason", "VARCHAR(255) NOT NULL DEFAULT ''"),
    ("inspection", "proof", "TEXT NOT NULL DEFAULT '{}'"),
    ("inspection", "answers", "TEXT NOT NULL DEFAULT '[]'"),  # then legacy_answers moves them
    ("placard_key", "revoked_at", "VARCHAR(255)"),
    ("venue", "lat", "DOUBLE PRECISION"),
    ("venue", "lon", "DOUBLE PRECISION"),
    ("venue", "last_inspected_at", "VARCHAR(255)"),
    ("venue", "attributes", "TEXT NOT NULL DEFAULT '{}'"),
    ("change_log", "household_id", "VARCHAR(255)"),
    ("household_member", "registered_on", "VARCHAR(255)"),
    ("patrol_route", "starts_on", "VARCHAR(255) NOT NULL DEFAULT ''"),
)
# A column added with what an older database already knows filled in (table.column -> SQL).
BACKFILLS = {
    "venue.last_inspected_at": (
        "UPDATE venue SET last_inspected_at = (SELECT MAX(CASE WHEN i.submitted_at IS NULL"
        " OR i.submitted_at > i.received_at THEN i.received_at ELSE i.submitted_at END)"
        " FROM inspection i WHERE i.venue_id = venue.id)"
    ),
    "change_log.household_id": (
        "UPDATE change_log SET household_id = CASE WHEN type = 'household' THEN record_id"
        " ELSE (SELECT m.household_id FROM followup_plan f JOIN household_member m"
        " ON m.id = f.member_id WHERE f.id = change_log.record_id) END"
        " WHERE type IN ('household', 'followup')"
    ),
    # A route from before starts on the day it first came into the feed (its first
    # import), or of its first run if one is older; failing both, its last import.
    "patrol_route.starts_on": (
        "UPDATE patrol_route SET starts_on = COALESCE((SELECT MIN(d) FROM ("
        " SELECT r.day AS d FROM patrol_run r WHERE r.route_id = patrol_route.id"
        " UNION ALL SELECT SUBSTR(c.at, 1, 10) FROM change_log c"
        " WHERE c.type = 'patrol_route' AND c.record_id = patrol_route.id"
        " UNION ALL SELECT SUBSTR(patrol_route.updated_at, 1, 10)"
        " WHERE patrol_route.updated_at != '') AS since), '')"
    ),
}


# An added column devices hold too (table.column, the feed's type for the table's rows):
# its backfilled value goes out in the feed, each record's latest entry again with it, so
# devices that pulled the record before, and any that pull the feed later, have it.
REPUBLISHED = {"patrol_route.starts_on": "patrol_route"}


def republish(db: Database, added: str) -> int:
    """Append each record of an added column's table to the feed again: its latest entry
    with the column's value. Returns the entries appended."""
    table, column = added.split(".")
    kind = REPUBLISHED[added]
    rows = db.execute_sql(
        f"SELECT c.record_id, c.grid_code, c.audience, c.payload, c.household_id, t.{column}"
        f" FROM change_log c JOIN {table} t ON t.id = c.record_id WHERE c.type = {db.param}"
        " AND c.deleted = FALSE AND c.seq = (SELECT MAX(l.seq) FROM change_log l"
        " WHERE l.type = c.type AND l.record_id = c.record_id) ORDER BY c.seq",
        (kind,),
    ).fetchall()
    if not rows:
        return 0
    if is_postgres():  # appended in the feed's commit order, as feed.append_changes does
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (CHANGE_LOG_LOCK_KEY,))
    at = now_iso()
    ChangeLog.insert_many(
        [
            {"type": kind, "record_id": record_id, "grid_code": grid_code, "audience": audience,
             "payload": canonical_json({**json.loads(payload), column: value}),
             "deleted": False, "at": at, "household_id": household_id}
            for record_id, grid_code, audience, payload, household_id, value in rows
        ]
    ).execute()  # fmt: skip
    return len(rows)


# Indexes older servers made that another index's first column already serves: a
# finding's events are found by (finding, server_order). Each pushed event wrote a b-tree
# more for it. (The answer table, and its index, went with legacy_answers.)
REDUNDANT_INDEXES = ("finding_event_finding_id",)


def drop_redundant_indexes(db: Database) -> None:
    for name in REDUNDANT_INDEXES:
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")


def add_missing_columns(db: Database) -> list[str]:
    """Add the ADDED_COLUMNS a database made by an older server lacks; returns them."""
    added = []
    for table, column, spec in ADDED_COLUMNS:
        if column not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {column} {spec}")
            added.append(f"{table}.{column}")
            if added[-1] in BACKFILLS:
                db.execute_sql(BACKFILLS[added[-1]])
            if added[-1] in REPUBLISHED:
                republish(db, added[-1])
    return added


def upgrade_in_place(db: Database) -> None:
    """Bring the tables of a database an older server made up to this one, in one
    transaction: columns added, answer rows moved into their inspections, indexes dropped."""
    with write_transaction():
        add_missing_columns(db)
        move_answer_rows(db)
        drop_redundant_indexes(db)


def init_schema() -> str:
    """Create missing tables and columns and the epoch; returns the epoch. Safe to run
    again."""
    db = current()
    with db.connection_context():
        upgrading = db.table_exists("change_log") and not db.table_exists("blob_ref")
        db.create_tables(EVERY_MODEL, safe=True)
        upgrade_in_place(db)
        if upgrading:  # a database from before blobs were scoped: note who may read what
            backfill_blob_refs()
        _make_audit_append_only()
        with write_transaction():
            Meta.insert(
                key="schema_version", value=str(SCHEMA_VERSION)
            ).on_conflict_ignore().execute()
            Meta.insert(key="epoch", value=uuid.uuid4().hex).on_conflict_ignore().execute()
        return get_epoch()


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
)  # fmt: skip
BlobRefRow = tuple[str, str, str, str]  # sha256, grid code, audience, uploading device


def insert_blob_refs(rows: set[BlobRefRow]) -> None:
    if not rows:
        return
    fields = [BlobRef.sha256, BlobRef.grid_code, BlobRef.audience, BlobRef.device]
    ordered = sorted(rows)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        BlobRef.insert_many(chunk, fields=fields).on_conflict_ignore().execute()


def backfill_blob_refs() -> int:
    """Fill blob_ref from the feed and the blob table, for a database made before blobs
    were scoped; run once, when the table is created. Returns the rows noted."""
    db = current()
    types = ", ".join(f"'{t}'" for t in PHOTO_RECORD_TYPES)
    rows: set[BlobRefRow] = set()
    cursor = db.execute_sql(
        f"SELECT grid_code, audience, payload FROM change_log WHERE type IN ({types})"
        " AND deleted = FALSE"
    )
    for grid_code, audience, payload in cursor:
        for sha in record_photos(json.loads(payload)):
            rows.add((sha, grid_code or "", audience, ""))
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
