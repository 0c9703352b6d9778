"""The wire format of sync protocol v1: pydantic models shared by client and server.

Every call lives under `/api/v1` (see `API_PREFIX`). The op payloads at the bottom are
what the field program writes into its Outbox (`Outbox.payload` holds the payload as
`canonical_json(...)`, `Outbox.payload_hash` holds `payload_hash(...)`). Times are
ISO-8601 strings in UTC written by the device (information only: the server orders);
dates are ISO dates.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# One spelling of canonical JSON and its sha256 for the outbox, the client and the server:
# json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False), hashed as UTF-8.
from fieldapp.domain.canonical import canonical_json as canonical_json
from fieldapp.domain.canonical import payload_hash as payload_hash
from fieldapp.domain.findings import EVENT_TYPES
from fieldapp.domain.incidents import EVENT_TYPES as INCIDENT_EVENT_TYPES

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

OP_INSPECTION_SUBMIT = "inspection.submit"
OP_FINDING_EVENT = "finding.event"
OP_DAILY_REPORT_SUBMIT = "daily_report.submit"
OP_EXPORT_RECORDED = "export.recorded"  # for the server's audit trail
OP_INCIDENT_EVENT = "incident.event"
OP_HOUSEHOLD_UPSERT = "household.upsert"
OP_PERSONAL_REVEAL = "personal_data.reveal"
OP_PERSON_MERGE = "person.merge"
OP_PERSONAL_EXPORT = "personal_data.export"
OP_FOLLOWUP_PLAN = "followup.plan"
OP_FOLLOWUP_READING = "followup.reading"
OP_CASE_EVENT = "followup_case.event"
OP_ACTIVITY_RECORD = "activity.record"
OP_PATROL_RUN_SUBMIT = "patrol_run.submit"
OP_CAMPAIGN_SWITCH = "campaign.switch"  # a supervisor switches a campaign on or off
OP_TYPES: tuple[str, ...] = (
    OP_INSPECTION_SUBMIT,
    OP_FINDING_EVENT,
    OP_DAILY_REPORT_SUBMIT,
    OP_EXPORT_RECORDED,
    OP_INCIDENT_EVENT,
    OP_HOUSEHOLD_UPSERT,
    OP_PERSONAL_REVEAL,
    OP_PERSON_MERGE,
    OP_FOLLOWUP_PLAN,
    OP_FOLLOWUP_READING,
    OP_CASE_EVENT,
    OP_PERSONAL_EXPORT,
    OP_ACTIVITY_RECORD,
    OP_PATROL_RUN_SUBMIT,
    OP_CAMPAIGN_SWITCH,
)

# Record types of the pull feed.
CHANGE_TYPES: tuple[str, ...] = (
    "grid",
    "person",
    "venue",
    "checklist",
    "campaign",  # a campaign definition with what the office switched (on, phase, grids)
    "kind",  # a venue kind the office added or changed (names, cadence, precautions)
    "grid_level",  # a grid level the office added (楼栋 under 网格)
    "setting",  # an office setting (cadences, report deadlines, thresholds)
    "placard_key",
    "finding",
    "finding.event",
    "inspection",
    "inspection_verdict",  # the server's verdict on a claimed scan, for its inspector
    "daily_report",
    "incident",
    "incident.event",
    "household",
    "followup",
    "activity",  # a scheduled activity held (publicity day, drill, joint meeting, check)
    "checkpoint",  # a patrol point with a placard (not a venue)
    "patrol_route",
    "patrol_run",  # a run with its scans and the server's verdict on each
)

FINDING_EVENT_TYPES: tuple[str, ...] = EVENT_TYPES  # one list, the state machine's
INCIDENT_EVENT_TYPE_NAMES: tuple[str, ...] = INCIDENT_EVENT_TYPES  # the incident table's

OpType = Literal[
    "inspection.submit",
    "finding.event",
    "daily_report.submit",
    "export.recorded",
    "incident.event",
    "household.upsert",
    "personal_data.reveal",
    "person.merge",
    "followup.plan",
    "followup.reading",
    "followup_case.event",
    "personal_data.export",
    "activity.record",
    "patrol_run.submit",
    "campaign.switch",
]
OpStatus = Literal["applied", "duplicate", "rejected"]


# --- bounds: every integer and string on the wire has one ------------------------------
#
# They are what the server's columns hold on both engines: INTEGER is 32 bits on
# PostgreSQL, VARCHAR 255 characters, and PostgreSQL text holds no NUL character. A value
# outside them is refused by validation (a per-op `rejected`, or a 422 for the envelope),
# never by the database (a 500 that would block the whole batch).

MAX_INT32 = 2**31 - 1
MAX_JSON_INT = 2**63 - 1  # integers inside free-form JSON objects (summary, counts, data)
NO_NUL = r"^[^\x00]*$"

Id = Annotated[str, Field(min_length=1, max_length=100, pattern=NO_NUL)]
OptionalId = Annotated[str, Field(max_length=100, pattern=NO_NUL)]
Name = Annotated[str, Field(max_length=200, pattern=NO_NUL)]
Timestamp = Annotated[str, Field(max_length=40, pattern=NO_NUL)]  # ISO-8601, device time
IsoDate = Annotated[str, Field(min_length=1, max_length=40, pattern=NO_NUL)]
Text = Annotated[str, Field(max_length=10_000, pattern=NO_NUL)]
Sha256 = Annotated[str, Field(min_length=1, max_length=64, pattern=NO_NUL)]
Photos = Annotated[list[Sha256], Field(max_length=100)]


def _bounded_json(value: Any, depth: int = 0) -> Any:
    """Free-form JSON (summary, counts, event data): integers within 64 bits, no NUL in
    strings, at most 16 levels deep."""
    if depth > 16:
        raise ValueError("nested more than 16 levels deep")
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        if not -MAX_JSON_INT <= value <= MAX_JSON_INT:
            raise ValueError(f"the integer {value} is out of range (at most 64 bits)")
        return value
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("a text holds a NUL character")
        return value
    if isinstance(value, dict):
        for key, item in value.items():
            _bounded_json(key, depth + 1)
            _bounded_json(item, depth + 1)
        return value
    if isinstance(value, list):
        for item in value:
            _bounded_json(item, depth + 1)
    return value


JsonObject = Annotated[dict[str, Any], AfterValidator(_bounded_json), Field(max_length=200)]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore")


# --- calls -----------------------------------------------------------------------------


class Health(WireModel):
    status: str = "ok"
    version: int = PROTOCOL_VERSION
    epoch: str


class EnrollRequest(WireModel):
    code: str = Field(min_length=4, max_length=64, pattern=NO_NUL)
    device_name: Name = ""


class PersonInfo(WireModel):
    id: str
    name: str
    role: str


class EnrollResponse(WireModel):
    device_id: str
    token: str
    person: PersonInfo
    grids: list[str]
    epoch: str


class Op(WireModel):
    op_id: Id
    seq: int = Field(ge=1, le=MAX_INT32)  # the device's gap-free outbox sequence
    # One of OP_TYPES; an unknown type is rejected per op, not per batch.
    type: Name = Field(json_schema_extra={"enum": list(OP_TYPES)})
    # Checked per op against PAYLOAD_MODELS[type]: a payload out of bounds is that op's
    # rejection, not the batch's. /openapi.json describes it as one of those models.
    payload: dict[str, Any] = Field(
        json_schema_extra={
            "anyOf": [
                {"$ref": "#/components/schemas/InspectionSubmit"},
                {"$ref": "#/components/schemas/FindingEventSubmit"},
                {"$ref": "#/components/schemas/DailyReportSubmit"},
                {"$ref": "#/components/schemas/ExportRecorded"},
            ]
        }
    )


class PushRequest(WireModel):
    device_id: Id
    ops: list[Op] = Field(max_length=1000)


class OpResult(WireModel):
    op_id: str
    status: OpStatus
    reason: str | None = None
    # Set when a finding event was stored but its transition was no longer valid from
    # the state it arrived in (invariant 5): kept, and shown to the people involved.
    conflict: str | None = None
    # For `inspection.submit` and `finding.event`: each stored hazard event's place in its
    # finding's server order. The device keeps it as the event's server sequence, so it
    # folds the finding's events in the order the server does (invariant 3).
    event_seqs: dict[str, int] | None = None


class PushResponse(WireModel):
    epoch: str
    results: list[OpResult]


class Change(WireModel):
    seq: int  # the server's commit order; a pull cursor is a seq
    type: str  # one of CHANGE_TYPES
    id: str
    record: dict[str, Any]
    deleted: bool = False


class PullResponse(WireModel):
    epoch: str
    changes: list[Change]
    cursor: str
    more: bool
    # The role or grids of the device's person changed since it last pulled from the
    # start: no changes, cursor "0", more — pull again from the beginning (upserts make
    # that safe), so newly assigned grids bring their history.
    reset: bool = False


class PersonalKey(WireModel):
    """The deployment's personal-data key (base64url of 32 bytes), for enrolled devices."""

    key: str


class ErrorBody(WireModel):
    """Every error the server returns: a code for programs and a sentence for people."""

    error: str
    message: str


# --- op payloads (what the Outbox holds) -----------------------------------------------


class EventPayload(WireModel):
    """One hazard event. `base_event` is the last event the actor saw (None for opened)."""

    id: Id
    type: Name  # one of FINDING_EVENT_TYPES
    actor: Id  # person id
    role: Name = ""  # informational: the server authorises by its own record of the person
    device_id: OptionalId = ""
    base_event: Id | None = None
    at: Timestamp  # device time, information only
    note: Text = ""
    photos: Photos = Field(default_factory=list)  # sha256 of blobs
    data: JsonObject = Field(default_factory=dict)  # new deadline, receiving unit…


class AnswerPayload(WireModel):
    item_code: Id
    outcome: Name  # pass | fail | na | value
    value: Text = ""
    note: Text = ""
    photos: Photos = Field(default_factory=list)


class FindingPayload(WireModel):
    id: Id
    venue_id: Id
    item_code: Id
    severity: Literal["general", "major"]
    description: Text = ""
    deadline: IsoDate  # ISO date
    photos: Photos = Field(default_factory=list)
    created_at: Timestamp
    created_by: Id  # person id
    # at least the "opened" event
    events: list[EventPayload] = Field(default_factory=list, max_length=1000)


class ScanProof(WireModel):
    """One placard scan as the device saw it (information: the server orders)."""

    source: Literal["wedge", "camera", "typed"]  # scanner burst, photo of the QR, keyboard
    at: str = Field(max_length=40)  # device time of the scan
    # Milliseconds from the inspection's start on the device's monotonic clock (negative:
    # the scan that opened the inspection came first); None when not measured.
    offset_ms: int | None = Field(default=None, ge=-(10**10), le=10**10)


class PhotoProof(WireModel):
    """What a photo's own EXIF says, kept beside the resized JPEG that lost it."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    taken_at: str | None = Field(default=None, max_length=40)  # UTC, from DateTimeOriginal
    exif_time: str = Field(default="", max_length=40)  # as the camera wrote it
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class ProofPayload(WireModel):
    scans: list[ScanProof] = Field(default_factory=list, max_length=100)
    photos: list[PhotoProof] = Field(default_factory=list, max_length=1000)


class InspectionPayload(WireModel):
    id: Id
    venue_id: Id
    checklist_id: Id
    checklist_version: int = Field(ge=1, le=MAX_INT32)
    inspector_id: Id
    device_id: OptionalId = ""
    started_at: Timestamp
    finished_at: Timestamp | None = None
    submitted_at: Timestamp | None = None
    presence: Name = "manual"  # scanned | manual
    presence_payload: Text = ""
    presence_reason: Text = ""
    presence_note: Text = ""
    presence_at: Timestamp | None = None
    representative: Name = ""
    summary: JsonObject = Field(default_factory=dict)
    supersedes: Id | None = None
    proof: ProofPayload = Field(default_factory=ProofPayload)


class InspectionSubmit(WireModel):
    """`inspection.submit`: the whole inspection, its answers and new findings, one op."""

    inspection: InspectionPayload
    answers: list[AnswerPayload] = Field(default_factory=list, max_length=2000)
    findings: list[FindingPayload] = Field(default_factory=list, max_length=2000)


class FindingEventSubmit(WireModel):
    """`finding.event`: one event on an existing finding."""

    finding_id: Id
    event: EventPayload


class DailyReportSubmit(WireModel):
    """`daily_report.submit`: one grid's daily (zero) report."""

    id: Id
    grid_code: Id
    date: IsoDate  # ISO date
    reporter: Id  # person id
    counts: JsonObject = Field(default_factory=dict)
    zero_report: bool = False
    remarks: Text = ""
    submitted_at: Timestamp


class ExportRecorded(WireModel):
    """`export.recorded`: this device's person exported hazard or personal data (the
    ledger); the server keeps it in its audit trail with the person and device, one entry
    per export (`people` > 0: the people sheets were written, masked or `full`)."""

    id: Id
    at: Timestamp  # device time
    what: Name  # ledger
    format: Name  # xlsx | csv
    filters: JsonObject = Field(default_factory=dict)  # dates, grid, kind
    records: int = Field(default=0, ge=0, le=MAX_INT32)
    file: Text = ""
    people: int = Field(default=0, ge=0, le=10_000_000)
    full: bool = False  # ID numbers and phones written unmasked


class PersonInvolved(WireModel):
    name: str = Field(min_length=1, max_length=100)
    role: str = Field(default="", max_length=100)


class MediaRef(WireModel):
    """A video or audio file, kept as it is: its blob is uploaded after the ops."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    name: str = Field(default="", max_length=255)
    mime: str = Field(default="application/octet-stream", max_length=100)
    size: int = Field(ge=0)


class IncidentPayload(WireModel):
    """An incident (事件) as reported; sent once, with its `reported` event."""

    id: str = Field(min_length=1, max_length=100)
    category: str = Field(min_length=1, max_length=64)
    grid_code: str = Field(min_length=1, max_length=100)
    venue_id: str | None = Field(default=None, max_length=100)
    address: str = Field(default="", max_length=500)
    occurred_at: str = Field(min_length=10, max_length=40)
    description: str = Field(default="", max_length=5000)
    people: list[PersonInvolved] = Field(default_factory=list, max_length=50)
    photos: list[str] = Field(default_factory=list, max_length=50)
    media: list[MediaRef] = Field(default_factory=list, max_length=20)
    created_at: str
    created_by: str  # person id


class IncidentEventSubmit(WireModel):
    """`incident.event`: one event of an incident; the first (`reported`) carries the
    incident itself."""

    incident_id: str = Field(min_length=1, max_length=100)
    incident: IncidentPayload | None = None
    event: EventPayload


class MemberPayload(WireModel):
    """A person of a household. `id_number` and `phone` are sealed tokens (AES-GCM, see
    fieldapp.domain.personal), never clear values; the lookups are keyed hashes."""

    id: str = Field(min_length=1, max_length=100)
    name: str = Field(min_length=1, max_length=100)
    sex: str = Field(default="", max_length=10)
    birth_year: int | None = Field(default=None, ge=1900, le=2200)
    id_number: str = Field(default="", max_length=200)
    id_lookup: str = Field(default="", max_length=64)
    phone: str = Field(default="", max_length=200)
    phone_lookup: str = Field(default="", max_length=64)
    tags: list[str] = Field(default_factory=list, max_length=20)
    arrived_on: str | None = Field(default=None, max_length=10)
    left_on: str | None = Field(default=None, max_length=10)
    note: str = Field(default="", max_length=2000)


class VehiclePayload(WireModel):
    id: str = Field(min_length=1, max_length=100)
    plate: str = Field(min_length=1, max_length=20)
    kind: str = Field(default="", max_length=40)
    note: str = Field(default="", max_length=500)


class HouseholdUpsert(WireModel):
    """`household.upsert`: a household (户) with the members and vehicles written on the
    device; members and vehicles not named are kept (a person who moves out gets a
    `left_on` date)."""

    id: str = Field(min_length=1, max_length=100)
    grid_code: str = Field(min_length=1, max_length=100)
    code: str = Field(default="", max_length=40)  # 户号, when the village numbers households
    building: str = Field(default="", max_length=100)  # 楼栋 / 屯
    venue_id: str | None = Field(default=None, max_length=100)  # the rental housing
    address: str = Field(default="", max_length=300)
    note: str = Field(default="", max_length=2000)
    updated_at: str = Field(max_length=40)
    updated_by: str = Field(max_length=100)  # person id
    members: list[MemberPayload] = Field(default_factory=list, max_length=100)
    vehicles: list[VehiclePayload] = Field(default_factory=list, max_length=50)


class PersonalReveal(WireModel):
    """`personal_data.reveal`: someone opened a masked value; the server's audit trail
    keeps who, whose, which field, when and on which device."""

    id: str = Field(min_length=1, max_length=100)
    actor: str = Field(max_length=100)  # person id
    device_id: str = Field(default="", max_length=100)
    member_id: str = Field(max_length=100)
    field: Literal["id_number", "phone"]
    at: str = Field(max_length=40)
    purpose: str = Field(default="", max_length=200)


class PersonalExport(WireModel):
    """`personal_data.export`: a ledger with people was exported (masked, or in full)."""

    id: str = Field(min_length=1, max_length=100)
    actor: str = Field(max_length=100)
    device_id: str = Field(default="", max_length=100)
    at: str = Field(max_length=40)
    people: int = Field(ge=0, le=10_000_000)
    full: bool = False
    file: str = Field(default="", max_length=200)


class PersonMerge(WireModel):
    """`person.merge`: a supervisor found two records of one person; `drop` is merged into
    `keep` (gaps filled, tags joined) and removed."""

    id: str = Field(min_length=1, max_length=100)
    actor: str = Field(max_length=100)
    keep: str = Field(min_length=1, max_length=100)
    drop: str = Field(min_length=1, max_length=100)
    at: str = Field(max_length=40)


class FollowupPlanPayload(WireModel):
    """`followup.plan`: a follow-up plan on a person of the registry."""

    id: str = Field(min_length=1, max_length=100)
    member_id: str = Field(min_length=1, max_length=100)
    grid_code: str = Field(max_length=100)
    form_id: str = Field(max_length=100)
    cadence: str = Field(max_length=20)
    times: list[str] = Field(default_factory=list, max_length=12)
    start_on: str = Field(max_length=10)
    days: int = Field(ge=1, le=3660)
    responsible: list[str] = Field(min_length=1, max_length=20)
    created_by: str = Field(max_length=100)
    created_at: str = Field(max_length=40)


class CaseOpened(WireModel):
    id: str = Field(min_length=1, max_length=100)
    opened_at: str = Field(max_length=40)
    event: EventPayload


class FollowupReadingPayload(WireModel):
    """`followup.reading`: one reading; `case` when it failed the form and opened one."""

    id: str = Field(min_length=1, max_length=100)
    plan_id: str = Field(min_length=1, max_length=100)
    slot_at: str = Field(max_length=16)
    taken_at: str = Field(max_length=40)
    answers: dict[str, str] = Field(default_factory=dict, max_length=50)
    failed: list[str] = Field(default_factory=list, max_length=50)
    recorded_by: str = Field(max_length=100)
    device_id: str = Field(default="", max_length=100)
    case: CaseOpened | None = None


class CaseEventSubmit(WireModel):
    """`followup_case.event`: one event on a case (handed over, outcome, closed, note)."""

    case_id: str = Field(min_length=1, max_length=100)
    event: EventPayload


class ActivityRecord(WireModel):
    """`activity.record`: a scheduled activity a grid held (publicity day, brigade drill,
    joint meeting, facility check) with its short form; sent once."""

    id: Id
    type_code: Name = Field(min_length=1, max_length=64)
    grid_code: Id
    held_on: IsoDate
    place: str = Field(default="", max_length=200, pattern=NO_NUL)
    attendees: int = Field(default=0, ge=0, le=100_000)
    attendee_names: str = Field(default="", max_length=2000, pattern=NO_NUL)
    minutes: str = Field(default="", max_length=5000, pattern=NO_NUL)
    photos: list[Sha256] = Field(default_factory=list, max_length=50)
    recorded_by: Id
    recorded_at: Timestamp


class CampaignSwitch(WireModel):
    """`campaign.switch`: a supervisor switches a campaign on (in a phase) or off, for the
    grids the office gave it, or for the supervisor's own grids when it was off."""

    code: Name = Field(min_length=1, max_length=64)
    active: bool
    phase: str = Field(default="", max_length=64, pattern=NO_NUL)
    switched_by: Id
    switched_at: Timestamp


class PatrolScanPayload(WireModel):
    """One visit of a checkpoint: a placard scan (its text is a claim the server checks)
    or manual with a reason."""

    id: str = Field(min_length=1, max_length=100)
    checkpoint_id: str = Field(min_length=1, max_length=100)
    at: str = Field(min_length=10, max_length=40)
    source: Literal["wedge", "camera", "typed", "manual"]
    payload: str = Field(default="", max_length=300, pattern=NO_NUL)
    reason: str = Field(default="", max_length=40, pattern=NO_NUL)
    note: str = Field(default="", max_length=2000, pattern=NO_NUL)
    photos: list[Sha256] = Field(default_factory=list, max_length=20)
    answers: dict[str, Annotated[str, Field(max_length=200, pattern=NO_NUL)]] = Field(
        default_factory=dict, max_length=20
    )
    incident: str = Field(default="", max_length=100, pattern=NO_NUL)


class PatrolRunSubmit(WireModel):
    """`patrol_run.submit`: a finished patrol run with every scan it made, one op."""

    id: str = Field(min_length=1, max_length=100)
    route_id: str = Field(min_length=1, max_length=100)
    person: str = Field(min_length=1, max_length=100)
    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    window: str = Field(pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")
    utc_offset: int = Field(ge=-840, le=840)  # minutes east of UTC on the device
    started_at: str = Field(min_length=10, max_length=40)
    finished_at: str = Field(min_length=10, max_length=40)
    note: str = Field(default="", max_length=2000, pattern=NO_NUL)
    scans: list[PatrolScanPayload] = Field(default_factory=list, max_length=500)


PAYLOAD_MODELS: dict[str, type[WireModel]] = {
    OP_INSPECTION_SUBMIT: InspectionSubmit,
    OP_FINDING_EVENT: FindingEventSubmit,
    OP_DAILY_REPORT_SUBMIT: DailyReportSubmit,
    OP_EXPORT_RECORDED: ExportRecorded,
    OP_INCIDENT_EVENT: IncidentEventSubmit,
    OP_HOUSEHOLD_UPSERT: HouseholdUpsert,
    OP_PERSONAL_REVEAL: PersonalReveal,
    OP_PERSON_MERGE: PersonMerge,
    OP_FOLLOWUP_PLAN: FollowupPlanPayload,
    OP_FOLLOWUP_READING: FollowupReadingPayload,
    OP_CASE_EVENT: CaseEventSubmit,
    OP_PERSONAL_EXPORT: PersonalExport,
    OP_ACTIVITY_RECORD: ActivityRecord,
    OP_PATROL_RUN_SUBMIT: PatrolRunSubmit,
    OP_CAMPAIGN_SWITCH: CampaignSwitch,
}


def photo_refs(op_type: str, payload: dict[str, Any]) -> list[str]:
    """Every blob sha256 an op payload refers to, in order, without repeats."""
    found: list[str] = []

    def add(items: Any) -> None:
        for sha in items or ():
            if isinstance(sha, str) and sha not in found:
                found.append(sha)

    if op_type == OP_INSPECTION_SUBMIT:
        for answer in payload.get("answers") or ():
            add(answer.get("photos"))
        for finding in payload.get("findings") or ():
            add(finding.get("photos"))
            for event in finding.get("events") or ():
                add(event.get("photos"))
    elif op_type == OP_ACTIVITY_RECORD:
        add(payload.get("photos"))
    elif op_type == OP_PATROL_RUN_SUBMIT:
        for scan in payload.get("scans") or ():
            add(scan.get("photos"))
    elif op_type in (OP_FINDING_EVENT, OP_INCIDENT_EVENT):
        add((payload.get("incident") or {}).get("photos"))
        add((payload.get("event") or {}).get("photos"))
    return found


def record_photos(record: dict[str, Any]) -> set[str]:
    """The sha256 of every photo a pulled record names: its own, its answers', its
    events' (`finding`, `finding.event` and `inspection` changes)."""
    found: set[str] = set()

    def add(items: Any) -> None:
        for sha in items or ():
            if isinstance(sha, str) and sha:
                found.add(sha)

    add(record.get("photos"))
    add(m.get("sha256") for m in record.get("media") or () if isinstance(m, dict))
    for part in ("answers", "events", "scans"):
        for child in record.get(part) or ():
            if isinstance(child, dict):
                add(child.get("photos"))
    return found


def media_refs(op_type: str, payload: dict[str, Any]) -> list[str]:
    """The sha256 of every video or audio file an op refers to (sent after the ops)."""
    if op_type != OP_INCIDENT_EVENT:
        return []
    found: list[str] = []
    for media in (payload.get("incident") or {}).get("media") or ():
        sha = media.get("sha256") if isinstance(media, dict) else None
        if isinstance(sha, str) and sha not in found:
            found.append(sha)
    return found
