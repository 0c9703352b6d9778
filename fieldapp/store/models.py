"""Peewee models for the whole of the design's data section.

Ids of everything made in the field are UUIDv7 strings made on the device. Times are
ISO-8601 strings in UTC with a Z (device clocks are information only); dates are
ISO dates. JSON columns hold lists and small dicts.
"""

from __future__ import annotations

from typing import Any

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)
from playhouse.sqlite_ext import JSONField

from fieldapp.domain.romanized import spelled
from fieldapp.store.db import db


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Grid(BaseModel):
    code = CharField(primary_key=True)
    name = CharField()
    level = CharField()  # town | village | area
    parent = ForeignKeyField("self", null=True, backref="children", column_name="parent_code")
    parent_code: str | None  # typed accessors of foreign keys, for mypy

    class Meta:
        table_name = "grid"


class Person(BaseModel):
    id = CharField(primary_key=True)
    name = CharField()
    role = CharField()  # inspector | supervisor | admin
    phone = CharField(default="")

    class Meta:
        table_name = "person"


class PersonGrid(BaseModel):
    person = ForeignKeyField(Person, backref="grid_links", on_delete="CASCADE")
    grid = ForeignKeyField(Grid, backref="person_links", column_name="grid_code")
    person_id: str
    grid_code: str

    class Meta:
        table_name = "person_grid"
        primary_key = CompositeKey("person", "grid")


class Venue(BaseModel):
    id = CharField(primary_key=True)
    code = CharField(unique=True)  # short human code, e.g. DM-0042
    name = CharField()
    kind = CharField()  # indexed with the code: a search by kind walks it in code order
    address = CharField(default="")
    grid = ForeignKeyField(Grid, backref="venues", column_name="grid_code")
    grid_code: str
    contact = CharField(default="")
    phone = CharField(default="")
    risk_level = CharField(default="normal")  # low | normal | high
    placard_key_id = CharField(null=True)
    # What checklist conditions may ask of the venue (has_gas, floors, rooms…; schema v6).
    attributes = JSONField(default=dict, constraints=[SQL("DEFAULT '{}'")])
    # Derived caches, recomputed by services when an inspection is submitted or synced.
    last_inspected_on = DateField(null=True)
    due_on = DateField(null=True)
    updated_at = CharField(default="")
    # The server's last inspection of the venue as last pulled (schema v26): what the
    # device falls back to when its own later inspection is refused.
    server_inspected_on = DateField(null=True)
    lat = FloatField(null=True)  # WGS-84 from the server's import, when given (schema v5)
    lon = FloatField(null=True)
    # The name's pinyin, in full and by initials (`domain.romanized.spelled`; schema v28):
    # the search finds 东方市场 by `dongfang` or `dfsc`. Whoever writes a name writes it.
    romanized = CharField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        table_name = "venue"
        # Search walks venues in code order (of one kind, of one grid, or all) testing name
        # and address: these indexes hold those columns, so the walk never reads the table.
        indexes = (
            (("grid", "due_on"), False),
            (("code", "name", "address"), False),
            (("kind", "code", "name", "address"), False),
            (("grid", "code", "name", "address"), False),
        )

    def save(self, *args: Any, **kwargs: Any) -> int:
        self.romanized = spelled(self.name)
        return int(super().save(*args, **kwargs))


class Checklist(BaseModel):
    """One published version of a checklist; `body` is the validated document as JSON."""

    checklist_id = CharField()
    version = IntegerField()
    kinds = JSONField()
    title_zh = CharField()
    title_en = CharField()
    body = JSONField()
    sha256 = CharField()
    source = CharField(default="")
    loaded_at = CharField()

    class Meta:
        table_name = "checklist"
        primary_key = CompositeKey("checklist_id", "version")


class Inspection(BaseModel):
    id = CharField(primary_key=True)
    venue = ForeignKeyField(Venue, backref="inspections")
    checklist_id = CharField()
    checklist_version = IntegerField()
    inspector = ForeignKeyField(Person, backref="inspections")
    venue_id: str
    inspector_id: str
    device_id = CharField(default="")
    started_at = CharField()
    finished_at = CharField(null=True)
    submitted_at = CharField(null=True)
    status = CharField(default="draft")  # draft | submitted
    presence = CharField(default="manual")  # scanned | manual
    presence_payload = CharField(default="")
    presence_reason = CharField(default="")
    presence_note = CharField(default="")
    presence_at = CharField(null=True)
    representative = CharField(default="")
    summary = JSONField(default=dict)
    current_item = CharField(default="")  # where a resumed draft picks up
    supersedes = CharField(null=True)
    review_state = CharField(default="")  # "" | reviewed | returned (supervisor)
    review_comment = CharField(default="")
    # Proof of the visit (schema v5). The server's verdict on a claimed scan: verified, or
    # unverified with its reason (fieldapp.domain.presence); "" until the server said.
    # SQL defaults too, so the bulk paths that INSERT named columns need not name these.
    presence_check = CharField(default="", constraints=[SQL("DEFAULT ''")])
    presence_check_reason = CharField(default="", constraints=[SQL("DEFAULT ''")])
    proof = JSONField(default=dict, constraints=[SQL("DEFAULT '{}'")])  # scans, photos' EXIF
    proof_flags = CharField(default="", constraints=[SQL("DEFAULT ''")])  # domain.proof flags

    class Meta:
        table_name = "inspection"
        indexes = (
            (("status", "started_at"), False),
            (("venue", "started_at"), False),
        )


class Answer(BaseModel):
    # No index of its own: the primary key (inspection, item_code) finds an inspection's
    # answers (`_v20_no_second_indexes` drops the one older stores have).
    inspection = ForeignKeyField(Inspection, backref="answers", on_delete="CASCADE", index=False)
    inspection_id: str
    item_code = CharField()
    # pass | fail | na for yes/no items; "value" for a recorded number, text or date that
    # the inspector did not mark failed; fail when marked failed.
    outcome = CharField()
    value = TextField(default="")
    note = TextField(default="")
    photos = JSONField(default=list)  # sha256 of blobs
    answered_at = CharField()

    class Meta:
        table_name = "answer"
        primary_key = CompositeKey("inspection", "item_code")


class Finding(BaseModel):
    """A hazard (隐患). Its state is the fold of its events; `state` caches that fold."""

    id = CharField(primary_key=True)
    inspection = ForeignKeyField(Inspection, backref="findings", null=True)
    venue = ForeignKeyField(Venue, backref="findings")
    inspection_id: str | None
    venue_id: str
    item_code = CharField()
    severity = CharField()  # general | major
    description = TextField(default="")
    deadline = DateField()
    photos = JSONField(default=list)
    created_at = CharField()
    created_by = CharField()  # person id
    state = CharField(default="open", index=True)
    current_deadline = DateField(null=True)
    conflict = BooleanField(default=False)  # the fold has unresolved conflicts (schema v3)

    class Meta:
        table_name = "finding"
        indexes = ((("venue", "state"), False), (("state", "current_deadline"), False))


class FindingEvent(BaseModel):
    """Append-only. `base_event` is the event the actor saw last (for conflict detection)."""

    id = CharField(primary_key=True)
    # Found by the index (finding, at) below, not an index of its own.
    finding = ForeignKeyField(Finding, backref="events", on_delete="CASCADE", index=False)
    finding_id: str
    type = CharField()
    actor = CharField()  # person id
    role = CharField()
    device_id = CharField(default="")
    base_event = CharField(null=True)
    at = CharField()
    note = TextField(default="")
    photos = JSONField(default=list)
    data = JSONField(default=dict)  # new deadline, receiving unit, reference number…
    server_seq = IntegerField(null=True)

    class Meta:
        table_name = "finding_event"
        indexes = ((("finding", "at"), False),)


class DailyReport(BaseModel):
    id = CharField(primary_key=True)
    grid = ForeignKeyField(Grid, backref="daily_reports", column_name="grid_code")
    grid_code: str
    date = DateField()
    reporter = CharField()  # person id
    counts = JSONField(default=dict)
    zero_report = BooleanField(default=False)
    remarks = TextField(default="")
    submitted_at = CharField()

    class Meta:
        table_name = "daily_report"
        indexes = ((("grid", "date"), False),)


class Blob(BaseModel):
    sha256 = CharField(primary_key=True)
    mime = CharField()
    size = IntegerField()
    uploaded = BooleanField(default=False)
    created_at = CharField()
    exif = JSONField(default=dict, constraints=[SQL("DEFAULT '{}'")])  # taken_at, lat, lon (v5)

    class Meta:
        table_name = "blob"


class Outbox(BaseModel):
    """Operations waiting for the server, written in the same transaction as their row.

    `seq` is the gap-free per-device sequence: rows are never deleted.
    """

    seq = AutoField()
    op_id = CharField(unique=True)
    type = CharField()
    payload = TextField()  # canonical JSON
    payload_hash = CharField()
    state = CharField(default="pending", index=True)  # pending | acked | rejected
    attempts = IntegerField(default=0)
    last_error = TextField(default="")
    created_at = CharField()
    acked_at = CharField(null=True)
    # A refused op stays 'rejected' for the record; when the server refused it, and when
    # the person said they had read why (then it no longer counts as news) (schema v22).
    refused_at = CharField(null=True)
    refusal_seen_at = CharField(null=True)
    # The refusal's code and parameters (a JSON object of strings) to word it in the
    # person's language; NULL when the server gave none: `last_error` is shown (v25).
    refusal_code = CharField(null=True)
    refusal_params = TextField(null=True)
    # The id of the record the op creates, where its payload is sealed at rest and SQL
    # cannot read it there (a household created on this device: `store.refused_records`);
    # an id, not personal data (v27).
    record_id = CharField(null=True)

    class Meta:
        table_name = "outbox"


class SyncState(BaseModel):
    """A single row: who this device is to the server and how far it has pulled."""

    id = IntegerField(primary_key=True, default=1)
    device_id = CharField(default="")
    person = CharField(default="")  # the person id this device acts for
    server_url = CharField(default="")
    token = CharField(default="")
    # The CA certificates (absolute path of a PEM file) the server is checked with when a
    # private CA signed its certificate; "" for the public CAs (schema v18).
    ca_bundle = TextField(default="")
    pull_cursor = CharField(default="")
    server_epoch = CharField(default="")
    last_sync_at = CharField(null=True)
    last_error = TextField(default="")

    class Meta:
        table_name = "sync_state"


class PlacardKey(BaseModel):
    key_id = CharField(primary_key=True)
    public_key = CharField()  # base64url Ed25519 public key
    revoked = BooleanField(default=False)
    created_at = CharField(default="")
    revoked_at = CharField(null=True)  # server time of the revocation (schema v5)

    class Meta:
        table_name = "placard_key"


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = JSONField()

    class Meta:
        table_name = "setting"


# One setting's value, read ~10 times before home's first frame: a fixed statement, as
# peewee would build it for `Setting.get_or_none(Setting.key == key)`, which took ~0.12 ms
# of each ~0.15 ms read. The value is decoded by the model's field (`Setting.value`).
SETTING_VALUE_SQL = 'SELECT "value" FROM "setting" WHERE "key" = ?'

# Who this device acts for: read at start-up (`enrolled`) and by each thread's first me()
# before home's first frame (the home read's, the returned line's), fixed statements too
# (peewee built ~0.5 ms of each read). Decoded by the models' fields (`identity._read_me`).
ME_SQL = (
    'SELECT s."person", s."device_id", p."name", p."role" FROM "sync_state" AS s '
    'JOIN "person" AS p ON p."id" = s."person" WHERE s."id" = 1 AND s."person" != \'\''
)
MY_GRIDS_SQL = (
    'SELECT g."code", g."name" FROM "grid" AS g JOIN "person_grid" AS pg '
    'ON pg."grid_code" = g."code" WHERE pg."person_id" = ? ORDER BY g."code"'
)


ALL_MODELS: list[type[BaseModel]] = [
    Grid,
    Person,
    PersonGrid,
    Venue,
    Checklist,
    Inspection,
    Answer,
    Finding,
    FindingEvent,
    DailyReport,
    Blob,
    Outbox,
    SyncState,
    PlacardKey,
    Setting,
]
