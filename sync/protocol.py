"""The wire format of sync protocol v1: pydantic models shared by client and server.

Every call lives under `/api/v1` (see `API_PREFIX`). The op payloads at the bottom are
what the field program writes into its Outbox (`Outbox.payload` holds the payload as
`canonical_json(...)`, `Outbox.payload_hash` holds `payload_hash(...)`). Times are
ISO-8601 strings in UTC written by the device (information only: the server orders);
dates are ISO dates.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# One spelling of canonical JSON and its sha256 for the outbox, the client and the server:
# json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False), hashed as UTF-8.
from fieldapp.domain.canonical import canonical_json as canonical_json
from fieldapp.domain.canonical import payload_hash as payload_hash
from fieldapp.domain.findings import EVENT_TYPES

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

OP_INSPECTION_SUBMIT = "inspection.submit"
OP_FINDING_EVENT = "finding.event"
OP_DAILY_REPORT_SUBMIT = "daily_report.submit"
OP_TYPES: tuple[str, ...] = (OP_INSPECTION_SUBMIT, OP_FINDING_EVENT, OP_DAILY_REPORT_SUBMIT)

# Record types of the pull feed.
CHANGE_TYPES: tuple[str, ...] = (
    "grid",
    "person",
    "venue",
    "checklist",
    "placard_key",
    "finding",
    "finding.event",
    "inspection",
    "daily_report",
)

FINDING_EVENT_TYPES: tuple[str, ...] = EVENT_TYPES  # one list, the state machine's

OpType = Literal["inspection.submit", "finding.event", "daily_report.submit"]
OpStatus = Literal["applied", "duplicate", "rejected"]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore")


# --- calls -----------------------------------------------------------------------------


class Health(WireModel):
    status: str = "ok"
    version: int = PROTOCOL_VERSION
    epoch: str


class EnrollRequest(WireModel):
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(default="", max_length=200)


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
    op_id: str = Field(min_length=1, max_length=100)
    seq: int
    type: str  # one of OP_TYPES; an unknown type is rejected per op, not per batch
    payload: dict[str, Any]


class PushRequest(WireModel):
    device_id: str
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


class ErrorBody(WireModel):
    """Every error the server returns: a code for programs and a sentence for people."""

    error: str
    message: str


# --- op payloads (what the Outbox holds) -----------------------------------------------


class EventPayload(WireModel):
    """One hazard event. `base_event` is the last event the actor saw (None for opened)."""

    id: str
    type: str  # one of FINDING_EVENT_TYPES
    actor: str  # person id
    role: str = ""  # informational: the server authorises by its own record of the person
    device_id: str = ""
    base_event: str | None = None
    at: str  # device time, information only
    note: str = ""
    photos: list[str] = Field(default_factory=list)  # sha256 of blobs
    data: dict[str, Any] = Field(default_factory=dict)  # new deadline, receiving unit…


class AnswerPayload(WireModel):
    item_code: str
    outcome: str  # pass | fail | na | value
    value: str = ""
    note: str = ""
    photos: list[str] = Field(default_factory=list)


class FindingPayload(WireModel):
    id: str
    venue_id: str
    item_code: str
    severity: Literal["general", "major"]
    description: str = ""
    deadline: str  # ISO date
    photos: list[str] = Field(default_factory=list)
    created_at: str
    created_by: str  # person id
    events: list[EventPayload] = Field(default_factory=list)  # at least the "opened" event


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
    id: str
    venue_id: str
    checklist_id: str
    checklist_version: int
    inspector_id: str
    device_id: str = ""
    started_at: str
    finished_at: str | None = None
    submitted_at: str | None = None
    presence: str = "manual"  # scanned | manual
    presence_payload: str = ""
    presence_reason: str = ""
    presence_note: str = ""
    presence_at: str | None = None
    representative: str = ""
    summary: dict[str, Any] = Field(default_factory=dict)
    supersedes: str | None = None
    proof: ProofPayload = Field(default_factory=ProofPayload)


class InspectionSubmit(WireModel):
    """`inspection.submit`: the whole inspection, its answers and new findings, one op."""

    inspection: InspectionPayload
    answers: list[AnswerPayload] = Field(default_factory=list)
    findings: list[FindingPayload] = Field(default_factory=list)


class FindingEventSubmit(WireModel):
    """`finding.event`: one event on an existing finding."""

    finding_id: str
    event: EventPayload


class DailyReportSubmit(WireModel):
    """`daily_report.submit`: one grid's daily (zero) report."""

    id: str
    grid_code: str
    date: str  # ISO date
    reporter: str  # person id
    counts: dict[str, Any] = Field(default_factory=dict)
    zero_report: bool = False
    remarks: str = ""
    submitted_at: str


PAYLOAD_MODELS: dict[str, type[WireModel]] = {
    OP_INSPECTION_SUBMIT: InspectionSubmit,
    OP_FINDING_EVENT: FindingEventSubmit,
    OP_DAILY_REPORT_SUBMIT: DailyReportSubmit,
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
    elif op_type == OP_FINDING_EVENT:
        add((payload.get("event") or {}).get("photos"))
    return found
