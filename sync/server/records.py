"""Server rows as pull-feed records (the dicts devices upsert), and their feed entries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sync.server import db as server_db
from sync.server.bulk import select_in
from sync.server.feed import NewChange
from sync.server.incident_models import IncidentEvent
from sync.server.models import (
    Checklist,
    DailyReport,
    Finding,
    FindingEvent,
    Grid,
    Person,
    PersonGrid,
    PlacardKey,
    Venue,
)
from sync.server.scope import ADMIN, DeviceContext, scope_cte


def venues_by_code(codes: set[str]) -> dict[str, tuple[str, str]]:
    """Code -> (id, grid) of those of `codes` that are venues' codes. An import looks up
    only the codes its file names: the server may hold a million venues."""
    sql = f'SELECT code, id, grid_code FROM "{Venue._meta.table_name}" WHERE code IN ({{}})'
    return {code: (venue_id, grid) for code, venue_id, grid in select_in(sql, sorted(codes))}


def grid_change(grid: Grid) -> NewChange:
    record = {"code": grid.code, "name": grid.name, "level": grid.level, "parent": grid.parent_code}
    return NewChange("grid", grid.code, record, grid_code=grid.code)


def person_changes(person: Person) -> list[NewChange]:
    """One entry per grid of the person, so each device sees the people of its grids."""
    grids = [
        link.grid_code
        for link in PersonGrid.select()
        .where(PersonGrid.person == person.id)
        .order_by(PersonGrid.grid)
    ]
    record = {
        "id": person.id,
        "name": person.name,
        "role": person.role,
        "phone": person.phone,
        "grids": grids,
    }
    if not grids:
        return [NewChange("person", person.id, record, grid_code=None)]
    return [NewChange("person", person.id, record, grid_code=code) for code in grids]


# A venue's feed record from its row: (record key, column), the one place its keys are listed.
_VENUE_RECORD_COLUMNS = (
    ("id", "id"), ("code", "code"), ("name", "name"), ("kind", "kind"),
    ("address", "address"), ("grid", "grid_code"), ("contact", "contact"), ("phone", "phone"),
    ("risk_level", "risk_level"), ("placard_key_id", "placard_key_id"),
    ("updated_at", "updated_at"), ("lat", "lat"), ("lon", "lon"),
    ("last_inspected_at", "last_inspected_at"), ("attributes", "attributes"),
)  # fmt: skip
_VENUE_RECORD_SQL = 'SELECT {} FROM "venue" WHERE id IN ({{}})'.format(
    ", ".join(column for _, column in _VENUE_RECORD_COLUMNS)
)


def venue_change(venue: Venue) -> NewChange:
    record = {key: getattr(venue, column) for key, column in _VENUE_RECORD_COLUMNS}
    record["attributes"] = record["attributes"] or {}
    return venue_record_change(record)


VenueRecord = dict[str, Any]  # a venue's feed record: the keys of _VENUE_RECORD_COLUMNS


def venue_records(venue_ids: Sequence[str]) -> list[VenueRecord]:
    """The feed records of the venues as now held, the records `venue_change` makes, read
    as rows: a push reads back a hundred at a time, and building peewee's model objects
    cost more than the read."""
    return _venue_records_of(select_in(_VENUE_RECORD_SQL, venue_ids))


# A venue's record and whether the person (the CTE's parameters) may write its grid.
_VENUE_SCOPE_SQL = (
    'SELECT {}, grid_code IN (SELECT code FROM down) FROM "venue" WHERE id IN ({{}})'.format(
        ", ".join(column for _, column in _VENUE_RECORD_COLUMNS)
    )
)


def venue_records_for(
    who: DeviceContext, venue_ids: Sequence[str]
) -> list[tuple[VenueRecord, bool]]:
    """The venues' feed records, each with whether `who` may write its grid (as
    `scope.may_write_grid` says), in one statement: a push read the venues and then its
    grid's scope, and on PostgreSQL each was a round trip inside its group's time."""
    if who.is_admin:
        return [(record, True) for record in venue_records(venue_ids)]
    sql = scope_cte() + _VENUE_SCOPE_SQL
    rows = select_in(sql, venue_ids, before=(who.person_id, who.person_id))
    records = _venue_records_of([row[:-1] for row in rows])
    return [(record, bool(row[-1])) for record, row in zip(records, rows, strict=True)]


# A device's row (`me`, a CTE of auth.DEVICE_SQL) beside each venue with whether its
# person may write the venue's grid: one row with no venue when none is found, none at
# all when the token is unknown.
_DEVICE_VENUES_SQL = (
    "SELECT me.*, {}, me.role = '{}' OR v.grid_code IN (SELECT code FROM down)"
    " FROM me LEFT JOIN venue v ON v.id IN ({{}})"
).format(", ".join(f"v.{column}" for _, column in _VENUE_RECORD_COLUMNS), ADMIN)


def device_and_venue_records(
    device_sql: str, token_hash: str, venue_ids: Sequence[str]
) -> tuple[tuple[Any, ...] | None, list[tuple[VenueRecord, bool]]]:
    """The row `device_sql` (one placeholder: the token's hash) reads and what
    `venue_records_for` reads for its person, in one statement (PostgreSQL: a push read
    its token and then its venues, two round trips before it joins a group)."""
    db = server_db.current()
    sql = scope_cte("(SELECT person_id FROM me)", f"me AS ({device_sql.format(db.param)}), ")
    marks = ", ".join([db.param] * len(venue_ids))
    cursor = db.execute_sql(sql + _DEVICE_VENUES_SQL.format(marks), (token_hash, *venue_ids))
    rows = cursor.fetchall()
    if not rows:
        return None, []
    width = len(rows[0]) - len(_VENUE_RECORD_COLUMNS) - 1
    found = [row[width:] for row in rows if row[width] is not None]
    records = _venue_records_of([row[:-1] for row in found])
    pairs = [(record, bool(row[-1])) for record, row in zip(records, found, strict=True)]
    return tuple(rows[0][:width]), pairs


def _venue_records_of(rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    keys = [key for key, _ in _VENUE_RECORD_COLUMNS]
    attributes = Venue.attributes.python_value
    records = []
    for row in rows:
        record = dict(zip(keys, row, strict=True))
        record["attributes"] = attributes(record["attributes"]) or {}
        records.append(record)
    return records


# On PostgreSQL: each venue's last inspection moved forward and the venues read back, in
# one statement (one round trip, where an UPDATE a venue and a read were one each). The
# read sees the rows as before the UPDATE (one snapshot), so it gives the later of the
# two stamps, which is what the UPDATE leaves (GREATEST skips a NULL).
_MOVE_VENUES_SQL = """
WITH moved(id, at) AS (SELECT * FROM unnest(%s::text[], %s::text[])),
forward AS (
    UPDATE venue v SET last_inspected_at = moved.at FROM moved
    WHERE v.id = moved.id AND (v.last_inspected_at IS NULL OR v.last_inspected_at < moved.at)
)
SELECT {} FROM venue v JOIN moved ON v.id = moved.id ORDER BY v.id
""".format(
    ", ".join(
        "GREATEST(v.last_inspected_at, moved.at)"
        if column == "last_inspected_at"
        else f"v.{column}"
        for _, column in _VENUE_RECORD_COLUMNS
    )
)


def move_venues_postgres(moved: dict[str, str]) -> list[dict[str, Any]]:
    """Venue id -> its newest inspection's stamp: each venue's `last_inspected_at` moved
    forward to it (never back: a concurrent push may have moved it further), and the
    venues' feed records as now held. The caller holds the venues' row locks (taken in
    one order for the group, `group_commit._lock_venues`)."""
    ids = sorted(moved)
    cursor = server_db.current().execute_sql(_MOVE_VENUES_SQL, (ids, [moved[v] for v in ids]))
    return _venue_records_of(cursor.fetchall())


def venue_record_change(record: dict[str, Any], *, may_hold_floats: bool = True) -> NewChange:
    """The feed entry of a venue record (the dict `venue_change` makes, keys as there)."""
    return NewChange(
        "venue", record["id"], record, grid_code=record["grid"], may_hold_floats=may_hold_floats
    )


def checklist_change(checklist: Checklist) -> NewChange:
    record = {
        "checklist_id": checklist.checklist_id,
        "version": checklist.version,
        "kinds": checklist.kinds,
        "title_zh": checklist.title_zh,
        "title_en": checklist.title_en,
        "body": checklist.body,
        "sha256": checklist.sha256,
        "source": checklist.source,
        "published_at": checklist.published_at,
    }
    return NewChange("checklist", f"{checklist.checklist_id}@{checklist.version}", record)


def placard_key_change(key: PlacardKey) -> NewChange:
    record = {
        "key_id": key.key_id,
        "public_key": key.public_key,
        "revoked": key.revoked,
        "revoked_at": key.revoked_at,
        "created_at": key.created_at,
    }
    return NewChange("placard_key", key.key_id, record)


def finding_change(finding: Finding, grid_code: str) -> NewChange:
    record = {
        "id": finding.id,
        "inspection_id": finding.inspection_id,
        "venue_id": finding.venue_id,
        "item_code": finding.item_code,
        "severity": finding.severity,
        "description": finding.description,
        "deadline": finding.deadline,
        "photos": finding.photos,
        "created_at": finding.created_at,
        "created_by": finding.created_by,
        "state": finding.state,
        "current_deadline": finding.current_deadline,
        "conflict": finding.conflict,
    }
    return NewChange("finding", finding.id, record, grid_code=grid_code)


def lifecycle_event_record(
    event: FindingEvent | IncidentEvent, owner_key: str, owner_id: str
) -> dict[str, Any]:
    """The feed record of a hazard's or an incident's event: its id, then the record it
    belongs to under `owner_key` (`finding_id`, `incident_id`), then the event's fields."""
    return {
        "id": event.id,
        owner_key: owner_id,
        "type": event.type,
        "actor": event.actor,
        "role": event.role,
        "device_id": event.device_id,
        "base_event": event.base_event,
        "at": event.at,
        "note": event.note,
        "photos": event.photos,
        "data": event.data,
        "received_at": event.received_at,
        "server_order": event.server_order,
        "conflict": event.conflict,
        "conflict_reason": event.conflict_reason,
    }


def event_change(event: FindingEvent, grid_code: str) -> NewChange:
    record = lifecycle_event_record(event, "finding_id", event.finding_id)
    return NewChange("finding.event", event.id, record, grid_code=grid_code)


def daily_report_change(report: DailyReport) -> NewChange:
    record = {
        "id": report.id,
        "grid_code": report.grid_code,
        "date": report.date,
        "reporter": report.reporter,
        "counts": report.counts,
        "zero_report": report.zero_report,
        "remarks": report.remarks,
        "submitted_at": report.submitted_at,
    }
    return NewChange("daily_report", report.id, record, grid_code=report.grid_code)
