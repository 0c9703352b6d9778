"""Op payloads of inspections and hazards (what the Outbox holds)."""

from __future__ import annotations

from typing import Literal, NotRequired

from pydantic import Field
from typing_extensions import TypedDict  # pydantic reads typing's only from Python 3.12

from sync.protocol.bounds import (
    MAX_INT32,
    Id,
    IsoDate,
    JsonObject,
    Name,
    OptionalId,
    Photos,
    Text,
    Timestamp,
    WireModel,
)

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


class AnswerPayload(TypedDict):
    """One answer, validated into a dict of its own (keys not listed dropped), not a model:
    an inspection holds ~20, and building their model objects was half the time of its
    validation. Absent, `value` and `note` are "" and `photos` is []: `answer_record`."""

    item_code: Id
    outcome: Name  # pass | fail | na | value
    value: NotRequired[Text]
    note: NotRequired[Text]
    photos: NotRequired[Photos]


def answer_record(answer: AnswerPayload) -> AnswerPayload:
    """The validated answer with its absent fields as their defaults (in place): the
    record an inspection's `answers` hold."""
    if len(answer) != 5:
        answer.setdefault("value", "")
        answer.setdefault("note", "")
        answer.setdefault("photos", [])
    return answer


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


class InspectionReviewSubmit(WireModel):
    """`inspection.review`: a supervisor's review of a submitted inspection, reviewed or
    returned to its inspector with a comment saying why. The inspection itself never
    changes; a later review of it replaces the earlier one (in the server's order)."""

    inspection_id: Id
    state: Literal["reviewed", "returned"]
    comment: Text = ""
    reviewer: Id  # person id
    at: Timestamp  # device time, information only


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
    # Why, for a full export: as a reveal's (fieldapp.services.people.reveal.PURPOSES).
    purpose: str = Field(default="", max_length=200)
    purpose_note: str = Field(default="", max_length=200)
