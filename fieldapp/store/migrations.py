"""Schema versions, applied in order at start-up; PRAGMA user_version records the version.

Never `create_tables` on a store that has data: each step is a migration from the one
before, and a store file made by an older program is brought forward in place.

`_v1_initial` creates the tables from the models as they are now, so a new store already
has every column a later step adds: a step that adds a column checks `PRAGMA table_info`
first (as `_v3_review` does), and indexes use `IF NOT EXISTS`.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from fieldapp.store import models as m
from fieldapp.store.db import write_transaction
from fieldapp.store.venue_index import create_venue_index, rebuild_venue_index

Migration = Callable[[SqliteDatabase], None]


def _v1_initial(db: SqliteDatabase) -> None:
    db.create_tables(m.ALL_MODELS, safe=False)
    create_venue_index(db)


def _v2_rounds(db: SqliteDatabase) -> None:
    """Rounds: an inspector's ordered list of venues for a day."""
    from fieldapp.store.rounds_models import ROUND_MODELS

    db.create_tables(ROUND_MODELS, safe=False)


def _v3_review(db: SqliteDatabase) -> None:
    """The supervisor's review: a cached conflict flag on findings, indexes for the queues.

    `_v1_initial` builds tables from the current models, so on a new store the column may
    already exist: add it only when missing.
    """
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(finding)").fetchall()}
    if "conflict" not in columns:
        db.execute_sql("ALTER TABLE finding ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0")
    for name, body in (
        ("finding_conflict_deadline", "finding (conflict, current_deadline)"),
        ("finding_severity_state_deadline", "finding (severity, state, current_deadline)"),
        ("finding_created_by", "finding (created_by)"),
        ("finding_created_at", "finding (created_at)"),
        ("finding_state_created_at", "finding (state, created_at)"),
        ("finding_current_deadline", "finding (current_deadline)"),
        ("inspection_submitted_at", "inspection (status, submitted_at)"),
    ):
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {body}")


def _v4_due_list(db: SqliteDatabase) -> None:
    """The home screen's due list: an index holding every column it filters and sorts on
    (and the id), so a page is sorted from the index alone (~2 ms instead of ~15–25 ms
    reading ~10,000 venue rows at 100,000 venues)."""
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS venue_grid_due_code_id ON venue (grid_code, due_on, code, id)"
    )


def _v5_proof(db: SqliteDatabase) -> None:
    """Proof of the visit: the server's verdict on a scan, scan and photo metadata, venue
    coordinates, when a placard key was revoked."""
    for table, column, spec in (
        ("inspection", "presence_check", "VARCHAR(255) NOT NULL DEFAULT ''"),
        ("inspection", "presence_check_reason", "VARCHAR(255) NOT NULL DEFAULT ''"),
        ("inspection", "proof", "JSON NOT NULL DEFAULT '{}'"),
        ("inspection", "proof_flags", "VARCHAR(255) NOT NULL DEFAULT ''"),
        ("blob", "exif", "JSON NOT NULL DEFAULT '{}'"),
        ("placard_key", "revoked_at", "VARCHAR(255)"),
        ("venue", "lat", "REAL"),
        ("venue", "lon", "REAL"),
    ):
        columns = {row[1] for row in db.execute_sql(f"PRAGMA table_info({table})").fetchall()}
        if column not in columns:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {column} {spec}")
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS inspection_presence_check "
        "ON inspection (presence_check, submitted_at)"
    )


def _v6_venue_attributes(db: SqliteDatabase) -> None:
    """Venue attributes that checklist conditions ask about (has_gas, floors, rooms…)."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(venue)").fetchall()}
    if "attributes" not in columns:
        db.execute_sql("ALTER TABLE venue ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}'")


def _v7_campaigns(db: SqliteDatabase) -> None:
    """Campaigns: the definitions held and what the office switched on."""
    from fieldapp.store.campaign_models import CAMPAIGN_MODELS

    db.create_tables(CAMPAIGN_MODELS, safe=True)


def _v8_incidents(db: SqliteDatabase) -> None:
    """Incidents (事件) and their events: a second record kind of the one lifecycle fold."""
    from fieldapp.store.incident_models import INCIDENT_MODELS

    db.create_tables(INCIDENT_MODELS, safe=False)


def _v9_people(db: SqliteDatabase) -> None:
    """The people registry: households, their members (ID numbers and phones sealed) and
    vehicles."""
    from fieldapp.store.people_models import PEOPLE_MODELS

    db.create_tables(PEOPLE_MODELS, safe=False)


def _v10_followups(db: SqliteDatabase) -> None:
    """Follow-ups: plans on a person, readings, cases and their events."""
    from fieldapp.store.followup_models import FOLLOWUP_MODELS

    db.create_tables(FOLLOWUP_MODELS, safe=False)


def _v11_activities(db: SqliteDatabase) -> None:
    """Scheduled activities held: publicity days, drills, joint meetings, facility checks."""
    from fieldapp.store.activity_models import ACTIVITY_MODELS

    db.create_tables(ACTIVITY_MODELS, safe=False)


def _v12_patrols(db: SqliteDatabase) -> None:
    """Patrols: checkpoints, routes, runs and their scans."""
    from fieldapp.store.patrol_models import PATROL_MODELS

    db.create_tables(PATROL_MODELS, safe=False)


def _v13_office_data(db: SqliteDatabase) -> None:
    """Venue kinds and grid levels the office publishes (settings are `setting` rows)."""
    from fieldapp.store.office_models import OFFICE_MODELS

    db.create_tables(OFFICE_MODELS, safe=False)


def _v14_search_by_kind(db: SqliteDatabase) -> None:
    """Venue search by kind walks the venues of that kind in code order and stops at the
    end of the page: an index on (kind, code) instead of kind alone."""
    db.execute_sql("CREATE INDEX IF NOT EXISTS venue_kind_code ON venue (kind, code)")
    db.execute_sql("DROP INDEX IF EXISTS venue_kind")


def _v15_responsibilities(db: SqliteDatabase) -> None:
    """包保: which cadres are responsible for a household."""
    from fieldapp.store.people_models import Responsibility

    db.create_tables([Responsibility], safe=False)


def _v16_search_covering(db: SqliteDatabase) -> None:
    """Venue search walks the code order testing name and address: indexes that hold
    them, so a walk reads index pages in order instead of a table row per venue (~0.4 µs
    instead of ~12 µs a venue at a million venues)."""
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS venue_code_name_address ON venue (code, name, address)"
    )
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS venue_kind_code_name_address "
        "ON venue (kind, code, name, address)"
    )
    db.execute_sql("DROP INDEX IF EXISTS venue_kind_code")


def _v17_registration_date(db: SqliteDatabase) -> None:
    """Each person's registration date (the 18:00 ledger counts who was registered that
    day); people saved before it stay unknown (NULL), and the report falls back to their
    arrival date."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(household_member)")}
    if "registered_on" not in columns:
        db.execute_sql("ALTER TABLE household_member ADD COLUMN registered_on DATE")


def _v18_ca_bundle(db: SqliteDatabase) -> None:
    """The CA certificates given at enrolment (`fieldapp enroll --ca-bundle`), so every
    later sync checks a server signed by a private CA with them."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(sync_state)")}
    if "ca_bundle" not in columns:
        db.execute_sql("ALTER TABLE sync_state ADD COLUMN ca_bundle TEXT NOT NULL DEFAULT ''")


def _v19_search_by_grid(db: SqliteDatabase) -> None:
    """Venue search in chosen grids walks each grid's venues in code order testing name
    and address: an index that holds them (a village at 1M venues: ~3 ms, not ~320 ms)."""
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS venue_grid_code_code_name_address "
        "ON venue (grid_code, code, name, address)"
    )


def _v20_no_second_indexes(db: SqliteDatabase) -> None:
    """An index that only repeats the start of another: an inspection's answers are found
    by their primary key (inspection, item_code), a finding's events by (finding, at).
    Each pulled or typed answer wrote a b-tree more for it."""
    for name in REDUNDANT_INDEXES:
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")


def _v21_route_starts_on(db: SqliteDatabase) -> None:
    """The day a patrol route's patrols begin (windows before it are neither due nor
    missed). A route held before it gets the earliest of its first run held here and the
    day the office last imported it (`updated_at`); the server's own value (from the
    route's first import) replaces it with the next pull, as the server republishes its
    routes when it gains the column."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(patrol_route)")}
    if "starts_on" in columns:
        return
    db.execute_sql("ALTER TABLE patrol_route ADD COLUMN starts_on VARCHAR(255) NOT NULL DEFAULT ''")
    db.execute_sql(
        "UPDATE patrol_route SET starts_on = COALESCE((SELECT min(d) FROM ("
        " SELECT day AS d FROM patrol_run WHERE patrol_run.route_id = patrol_route.id"
        " UNION ALL SELECT substr(updated_at, 1, 10) WHERE updated_at != '')), '')"
    )


def _v22_refusals_seen(db: SqliteDatabase) -> None:
    """When the server refused an op, and when the person acknowledged the refusal: a
    refusal stays on the sync screen and in the status line until it is acknowledged.
    Ops refused before it have no time (NULL) and count as not yet seen."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(outbox)")}
    for column in ("refused_at", "refusal_seen_at"):
        if column not in columns:
            db.execute_sql(f"ALTER TABLE outbox ADD COLUMN {column} VARCHAR(255)")


def _v23_returned_index(db: SqliteDatabase) -> None:
    """Home reads my returned inspections by this partial index (a handful of rows): the
    query walked every inspection of the person, ~190 ms at 51,000, on each home start."""
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS inspection_returned ON inspection (inspector_id)"
        " WHERE review_state = 'returned'"
    )


def _v24_superseded_index(db: SqliteDatabase) -> None:
    """Which inspection a re-inspection supersedes, read by this partial index (only
    re-inspections have one): the returned list, the review queues and the counts ask
    whether a submitted inspection replaces the one at hand."""
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS inspection_supersedes ON inspection (supersedes)"
        " WHERE supersedes IS NOT NULL"
    )


def _v25_refusal_codes(db: SqliteDatabase) -> None:
    """A refusal's code and parameters as the server gave them (sync.protocol.refusals),
    so the sync screen words it in the person's language. Ops refused before it, or by a
    server that gives no code, keep NULL and show the server's English reason."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(outbox)")}
    if "refusal_code" not in columns:
        db.execute_sql("ALTER TABLE outbox ADD COLUMN refusal_code VARCHAR(255)")
    if "refusal_params" not in columns:
        db.execute_sql("ALTER TABLE outbox ADD COLUMN refusal_params TEXT")


def _v26_server_inspected_on(db: SqliteDatabase) -> None:
    """The server's own last inspection date of each venue, kept apart from the device's
    (`Venue.last_inspected_on`, which the device's own inspections move forward), so a
    refused inspection moves the venue back to it (`store.refused_records`). An older store
    takes it from `last_inspected_on` where no inspection on the device is dated that day
    or later (the date came from the server); elsewhere the next pull of the venue gives it."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(venue)")}
    if "server_inspected_on" not in columns:
        db.execute_sql("ALTER TABLE venue ADD COLUMN server_inspected_on DATE")
    db.execute_sql(
        "UPDATE venue SET server_inspected_on = last_inspected_on"
        " WHERE last_inspected_on IS NOT NULL AND server_inspected_on IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM inspection WHERE venue_id = venue.id"
        " AND submitted_at IS NOT NULL"
        " AND date(submitted_at, 'localtime') >= venue.last_inspected_on)"
    )


def _v27_outbox_record_id(db: SqliteDatabase) -> None:
    """The id of the household a `household.upsert` op creates, beside its sealed payload,
    so a refused one is marked on its household (`store.refused_records`). Ops written
    before it keep NULL (their refusal is said on the sync screen, as before)."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(outbox)")}
    if "record_id" not in columns:
        db.execute_sql("ALTER TABLE outbox ADD COLUMN record_id VARCHAR(255)")


def _v28_venue_pinyin(db: SqliteDatabase) -> None:
    """Each venue's name in pinyin (`Venue.romanized`), in the search index beside its
    name, so Find venue finds 东方市场 by `dongfang` or `dfsc` typed on an English
    keyboard. An older store spells the names it holds and has its index made again with
    the column (100,000 venues: 3.7 s of CPU, 6.9 s on a loaded 2-CPU machine)."""
    from fieldapp.domain.romanized import spelled

    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(venue)")}
    if "romanized" not in columns:
        db.execute_sql("ALTER TABLE venue ADD COLUMN romanized VARCHAR(255) NOT NULL DEFAULT ''")
    indexed = {row[1] for row in db.execute_sql("PRAGMA table_info(venue_fts)")}
    names = db.execute_sql("SELECT rowid, name FROM venue WHERE romanized = ''").fetchall()
    db.cursor().executemany(
        "UPDATE venue SET romanized = ? WHERE rowid = ?",
        [(spelled(name), rowid) for rowid, name in names],
    )
    if "romanized" not in indexed:
        rebuild_venue_index(db)


def _v29_plan_team_and_end(db: SqliteDatabase) -> None:
    """A follow-up plan's 三包一 team (a controlled person's town cadre, 两委 cadres and
    medical worker) and its early end (when, by whom, why)."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(followup_plan)")}
    added = {
        "team": "TEXT NOT NULL DEFAULT '[]'",
        "ended_at": "VARCHAR(255)",
        "ended_by": "VARCHAR(255) NOT NULL DEFAULT ''",
        "end_reason": "TEXT",
    }
    for column, kind in added.items():
        if column not in columns:
            db.execute_sql(f"ALTER TABLE followup_plan ADD COLUMN {column} {kind}")


def _v30_campaign_periods(db: SqliteDatabase) -> None:
    """When each campaign was switched on and off, so patrol attendance judges a window
    by whether its campaign was on then. A store from before knows none until the
    campaign's next change comes (attendance then reads the switch as before)."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(campaign_run)")}
    if "periods" not in columns:
        db.execute_sql("ALTER TABLE campaign_run ADD COLUMN periods TEXT NOT NULL DEFAULT '[]'")


# Indexes older schemas made that another index's first column already serves.
REDUNDANT_INDEXES = ("answer_inspection_id", "finding_event_finding_id")

# Index i holds the migration from version i to version i + 1.
MIGRATIONS: list[Migration] = [
    _v1_initial,
    _v2_rounds,
    _v3_review,
    _v4_due_list,
    _v5_proof,
    _v6_venue_attributes,
    _v7_campaigns,
    _v8_incidents,
    _v9_people,
    _v10_followups,
    _v11_activities,
    _v12_patrols,
    _v13_office_data,
    _v14_search_by_kind,
    _v15_responsibilities,
    _v16_search_covering,
    _v17_registration_date,
    _v18_ca_bundle,
    _v19_search_by_grid,
    _v20_no_second_indexes,
    _v21_route_starts_on,
    _v22_refusals_seen,
    _v23_returned_index,
    _v24_superseded_index,
    _v25_refusal_codes,
    _v26_server_inspected_on,
    _v27_outbox_record_id,
    _v28_venue_pinyin,
    _v29_plan_team_and_end,
    _v30_campaign_periods,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreTooNew(RuntimeError):
    """The store was written by a newer fieldapp than this one."""


def current_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: SqliteDatabase) -> int:
    """Apply every pending migration; returns the version. A store with data takes each
    step in its own transaction (a long upgrade keeps the steps it finished); a new store
    takes them all in one: one fsync of its WAL at a device's first start instead of
    thirty, and a start cut short leaves an empty file, never a store part-way up."""
    version = current_version(db)
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"store schema {version} is newer than this program's {SCHEMA_VERSION}; update fieldapp"
        )
    per_transaction = SCHEMA_VERSION if version == 0 else 1
    while version < SCHEMA_VERSION:
        with write_transaction(db):
            for _ in range(min(per_transaction, SCHEMA_VERSION - version)):
                MIGRATIONS[version](db)
                version += 1
                db.execute_sql(f"PRAGMA user_version = {version}")
    return version
