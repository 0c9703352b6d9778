"""An older server's database brought up to this one in place: columns added (with what
the database already knows filled in, and sent out again to devices where they hold the
column too) and indexes another index serves dropped. `db.upgrade_in_place` runs these
in one transaction."""

from __future__ import annotations

import json

from peewee import Database

from sync.protocol import canonical_json
from sync.server.models import CHANGE_LOG_LOCK_KEY, ChangeLog

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
    ("household_member", "updated_by", "VARCHAR(255) NOT NULL DEFAULT ''"),
    ("patrol_route", "starts_on", "VARCHAR(255) NOT NULL DEFAULT ''"),
    ("campaign_run", "periods", "TEXT NOT NULL DEFAULT '[]'"),
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
    # A person from before was last written by whoever last wrote their household.
    "household_member.updated_by": (
        "UPDATE household_member SET updated_by = COALESCE((SELECT h.updated_by FROM household"
        " h WHERE h.id = household_member.household_id), '')"
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


def republish(db: Database, added: str, *, postgres: bool, at: str) -> int:
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
    if postgres:  # appended in the feed's commit order, as feed.append_changes does
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (CHANGE_LOG_LOCK_KEY,))
    ChangeLog.insert_many(
        [
            {"type": kind, "record_id": record_id, "grid_code": grid_code, "audience": audience,
             "payload": canonical_json({**json.loads(payload), column: value}),
             "deleted": False, "at": at, "household_id": household_id}
            for record_id, grid_code, audience, payload, household_id, value in rows
        ]
    ).execute()  # fmt: skip
    return len(rows)


# Indexes older servers made that another index serves or nothing reads; each was a
# b-tree more that every push wrote at random places (a 10k push wrote 310–650 MB). A
# finding's events are found by (finding, server_order); inspections are read by id alone,
# never by venue or inspector, and findings never by inspection (the feed and the data
# feed read change_log). (The answer table, and its index, went with legacy_answers.)
REDUNDANT_INDEXES = (
    "finding_event_finding_id",
    "inspection_venue_id",
    "inspection_inspector_id",
    "finding_inspection_id",
)


def drop_redundant_indexes(db: Database) -> None:
    for name in REDUNDANT_INDEXES:
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")


def add_missing_columns(db: Database, *, postgres: bool, at: str) -> list[str]:
    """Add the ADDED_COLUMNS a database made by an older server lacks; returns them. `at`:
    the server time of the upgrade (feed entries it appends)."""
    added = []
    for table, column, spec in ADDED_COLUMNS:
        if column not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {column} {spec}")
            added.append(f"{table}.{column}")
            if added[-1] in BACKFILLS:
                db.execute_sql(BACKFILLS[added[-1]])
            if added[-1] in REPUBLISHED:
                republish(db, added[-1], postgres=postgres, at=at)
    return added
