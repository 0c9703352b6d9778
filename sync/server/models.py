"""The server's own Peewee models (never the field store's): one database per process.

`database` is a proxy bound by `sync.server.db.open_database(url)` to a SQLite file or to
PostgreSQL. JSON columns are text holding canonical JSON, so both engines agree.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import (
    SQL,
    BigAutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DoubleField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from fieldapp.domain.canonical import canonical_json

database = DatabaseProxy()


class JSONText(TextField):
    """JSON kept as text (portable between SQLite and PostgreSQL)."""

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return canonical_json(value)

    def python_value(self, value: Any) -> Any:
        return None if value is None else json.loads(value)


class ServerModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Meta(ServerModel):
    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "meta"


class Grid(ServerModel):
    code = CharField(primary_key=True)
    name = CharField()
    level = CharField()  # town | village | area
    parent = ForeignKeyField("self", null=True, backref="children", column_name="parent_code")

    parent_code: str | None

    class Meta:
        table_name = "grid"


class Person(ServerModel):
    id = CharField(primary_key=True)
    name = CharField()
    role = CharField()  # inspector | supervisor | admin
    phone = CharField(default="")

    class Meta:
        table_name = "person"


class PersonGrid(ServerModel):
    person = ForeignKeyField(Person, backref="grid_links", on_delete="CASCADE")
    grid = ForeignKeyField(Grid, backref="person_links", column_name="grid_code")

    person_id: str
    grid_code: str

    class Meta:
        table_name = "person_grid"
        primary_key = CompositeKey("person", "grid")


class Device(ServerModel):
    id = CharField(primary_key=True)
    person = ForeignKeyField(Person, backref="devices")
    name = CharField(default="")
    token_hash = CharField(unique=True)  # sha256 of the bearer token; the token is not kept
    revoked = BooleanField(default=False)
    created_at = CharField()
    revoked_at = CharField(null=True)
    last_seen_at = CharField(null=True)

    person_id: str

    class Meta:
        table_name = "device"


class EnrollmentCode(ServerModel):
    code_hash = CharField(primary_key=True)
    person = ForeignKeyField(Person, backref="enrollment_codes")
    created_at = CharField()
    expires_at = CharField()
    used_at = CharField(null=True)
    device = CharField(null=True)

    person_id: str

    class Meta:
        table_name = "enrollment_code"


class Venue(ServerModel):
    id = CharField(primary_key=True)
    code = CharField(unique=True)
    name = CharField()
    kind = CharField()
    address = CharField(default="")
    grid = ForeignKeyField(Grid, backref="venues", column_name="grid_code")
    contact = CharField(default="")
    phone = CharField(default="")
    risk_level = CharField(default="normal")
    placard_key_id = CharField(null=True)
    updated_at = CharField(default="")
    lat = DoubleField(null=True)  # WGS-84, where the import gave coordinates
    lon = DoubleField(null=True)
    # When the venue was last inspected: the latest submitted inspection's submitted_at,
    # never later than the server's clock when it arrived. It travels with the venue, so
    # every device computes the same due date from it (an ADDED_COLUMNS column).
    last_inspected_at = CharField(null=True)
    # What the venue's checklist conditions ask of it (has_gas, rooms, beds…; absent =
    # not recorded), from the venue import's attribute columns (an ADDED_COLUMNS column).
    attributes = JSONText(default=dict)

    grid_code: str

    class Meta:
        table_name = "venue"


class Checklist(ServerModel):
    checklist_id = CharField()
    version = IntegerField()
    kinds = JSONText()
    title_zh = CharField()
    title_en = CharField()
    body = JSONText()
    sha256 = CharField()
    source = CharField(default="")
    published_at = CharField()

    class Meta:
        table_name = "checklist"
        primary_key = CompositeKey("checklist_id", "version")


class PlacardKey(ServerModel):
    key_id = CharField(primary_key=True)
    public_key = CharField()
    revoked = BooleanField(default=False)
    created_at = CharField(default="")
    revoked_at = CharField(null=True)  # server time: scans made before it still verify

    class Meta:
        table_name = "placard_key"


class Inspection(ServerModel):
    id = CharField(primary_key=True)
    # No index on the venue or the inspector: the server reads inspections by id alone
    # (schema_upgrade.REDUNDANT_INDEXES), and each was a b-tree more a pushed inspection wrote.
    venue = ForeignKeyField(Venue, backref="inspections", index=False)
    checklist_id = CharField()
    checklist_version = IntegerField()
    inspector = ForeignKeyField(Person, backref="inspections", index=False)
    device_id = CharField(default="")
    started_at = CharField()
    finished_at = CharField(null=True)
    submitted_at = CharField(null=True)
    presence = CharField(default="manual")
    presence_payload = TextField(default="")
    presence_reason = TextField(default="")
    presence_note = TextField(default="")
    presence_at = CharField(null=True)
    representative = CharField(default="")
    summary = JSONText(default=dict)
    supersedes = CharField(null=True)
    received_at = CharField()  # server time
    # The server's verdict on a claimed scan (fieldapp.domain.presence): verified, or
    # unverified with the reason (then `presence` is manual); "" when none was claimed.
    presence_check = CharField(default="", constraints=[SQL("DEFAULT ''")])
    presence_check_reason = CharField(default="", constraints=[SQL("DEFAULT ''")])
    proof = JSONText(default=dict, constraints=[SQL("DEFAULT '{}'")])  # scans, photos' EXIF
    # Its answers as the canonical JSON array the feed serves (ordered by item code): one
    # row an inspection, where a row an answer was most of a push's writes.
    answers = TextField(default="[]", constraints=[SQL("DEFAULT '[]'")])

    venue_id: str
    inspector_id: str

    class Meta:
        table_name = "inspection"


class Finding(ServerModel):
    id = CharField(primary_key=True)
    # Not indexed: nothing reads findings by inspection (schema_upgrade.REDUNDANT_INDEXES).
    inspection = ForeignKeyField(Inspection, backref="findings", null=True, index=False)
    venue = ForeignKeyField(Venue, backref="findings")  # the overdue alerts join on it
    item_code = CharField()
    severity = CharField()
    description = TextField(default="")
    deadline = CharField()  # ISO date
    photos = JSONText(default=list)
    created_at = CharField()
    created_by = CharField()
    state = CharField(default="open")  # cache of the fold of its events, in server order
    current_deadline = CharField(null=True)
    conflict = BooleanField(default=False)  # the fold holds events flagged as conflicts

    inspection_id: str | None
    venue_id: str

    class Meta:
        table_name = "finding"


class FindingEvent(ServerModel):
    """Append-only; every event is kept, a transition invalid on arrival is flagged."""

    id = CharField(primary_key=True)
    finding = ForeignKeyField(Finding, backref="events", on_delete="CASCADE", index=False)
    type = CharField()
    actor = CharField()
    role = CharField()  # the server's record of the actor's role, not the claimed one
    device_id = CharField(default="")
    base_event = CharField(null=True)
    at = CharField()  # device time, information only
    note = TextField(default="")
    photos = JSONText(default=list)
    data = JSONText(default=dict)
    received_at = CharField()
    server_order = IntegerField()  # position in this finding's server order
    conflict = BooleanField(default=False)
    conflict_reason = TextField(default="")

    finding_id: str

    class Meta:
        table_name = "finding_event"
        indexes = ((("finding", "server_order"), True),)


class DailyReport(ServerModel):
    id = CharField(primary_key=True)
    grid = ForeignKeyField(Grid, backref="daily_reports", column_name="grid_code")
    date = CharField()
    reporter = CharField()
    counts = JSONText(default=dict)
    zero_report = BooleanField(default=False)
    remarks = TextField(default="")
    submitted_at = CharField()
    received_at = CharField()

    grid_code: str

    class Meta:
        table_name = "daily_report"


class Blob(ServerModel):
    sha256 = CharField(primary_key=True)
    size = IntegerField()
    mime = CharField(default="application/octet-stream")
    created_at = CharField()
    device = CharField(default="")

    class Meta:
        table_name = "blob"


class BlobRef(ServerModel):
    """Who may read a blob: a record of `grid_code` for `audience` refers to it, or
    `device` uploaded it (its bytes were checked). Filled as records enter the feed and
    as blobs are uploaded; `GET/HEAD /blobs/{sha256}` answers only within it."""

    sha256 = CharField()
    grid_code = CharField(default="")  # "" on an uploader's row
    audience = CharField(default="all")  # all | supervisor, as the record's feed entry
    device = CharField(default="")  # the uploading device, or "" on a record's row

    class Meta:
        table_name = "blob_ref"
        primary_key = CompositeKey("sha256", "grid_code", "audience", "device")


class AuditEntry(ServerModel):
    """Append-only (`sync.server.audit`): who enrolled or revoked which device, rotated or
    revoked which placard key, changed whose role or grids, exported what. The database
    refuses UPDATE and DELETE on it (triggers made with the schema)."""

    id = BigAutoField()
    at = CharField()  # server time
    actor = CharField()  # a person id, or "admin:<login>" for the administrator's commands
    action = CharField()
    device = CharField(default="")  # the device it was done from or about
    subject = CharField(default="")  # what it is about: a device, key, person or file
    detail = JSONText(default=dict)

    class Meta:
        table_name = "audit_entry"
        indexes = ((("at",), False), (("actor", "at"), False))


class AppliedOp(ServerModel):
    """One row per applied op: the exactly-once ledger (invariant 1)."""

    op_id = CharField(primary_key=True)
    device = CharField()
    seq = IntegerField()
    type = CharField()
    payload_hash = CharField()
    result = JSONText()
    applied_at = CharField()

    class Meta:
        table_name = "applied_op"


class DeviceScope(ServerModel):
    """What a device's feed was last read from the start for: a hash of its person's role
    and grids. When they change, the device's next pull starts again from cursor 0, so a
    newly assigned grid brings its history, not only what changes in it from then on."""

    device = CharField(primary_key=True)
    scope_key = CharField()
    since = CharField()  # server time it was recorded

    class Meta:
        table_name = "device_scope"


CHANGE_LOG_LOCK_KEY = 0x6669656C64  # "field": the one advisory lock for feed appends


class ChangeLog(ServerModel):
    """The pull feed: seq is the server's commit order (see feed.append_changes)."""

    seq = BigAutoField()
    type = CharField()
    record_id = CharField()
    grid_code = CharField(null=True)  # None: every device may see it
    audience = CharField(default="all")  # all | supervisor (inspections) | person:<id> (verdicts)
    payload = TextField()  # canonical JSON of the record
    deleted = BooleanField(default=False)
    at = CharField()
    household_id = CharField(null=True)  # people records: also seen by the household's 包保 cadres

    class Meta:
        table_name = "change_log"
        indexes = ((("grid_code", "seq"), False),)


ALL_MODELS: list[type[ServerModel]] = [
    Meta,
    Grid,
    Person,
    PersonGrid,
    Device,
    EnrollmentCode,
    Venue,
    Checklist,
    PlacardKey,
    Inspection,
    Finding,
    FindingEvent,
    DailyReport,
    Blob,
    BlobRef,
    AuditEntry,
    AppliedOp,
    DeviceScope,
    ChangeLog,
]
