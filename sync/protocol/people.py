"""Op payloads of incidents, households and people, and follow-ups."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from fieldapp.domain.text_bounds import (
    BUILDING_MAX,
    HOUSEHOLD_CODE_MAX,
    PERSON_NAME_MAX,
    PERSON_NOTE_MAX,
)
from sync.protocol.bounds import WireModel
from sync.protocol.payloads import EventPayload


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


class MemberBase(WireModel):
    """A person as the device last had them from the server (pulled, or as it pushed them
    before): what its edit started from. The server keeps its own value of each field the
    edit left as it was, and tells the device of a field both changed differently."""

    name: str = Field(default="", max_length=PERSON_NAME_MAX)
    sex: str = Field(default="", max_length=10)
    birth_year: int | None = Field(default=None, ge=1900, le=2200)
    id_number: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=200)
    tags: list[str] = Field(default_factory=list, max_length=20)
    arrived_on: str | None = Field(default=None, max_length=10)
    left_on: str | None = Field(default=None, max_length=10)
    note: str = Field(default="", max_length=PERSON_NOTE_MAX)


class MemberPayload(WireModel):
    """A person of a household. `id_number` and `phone` are sealed tokens (AES-GCM, see
    fieldapp.domain.personal), never clear values; the lookups are keyed hashes."""

    id: str = Field(min_length=1, max_length=100)
    name: str = Field(min_length=1, max_length=PERSON_NAME_MAX)
    sex: str = Field(default="", max_length=10)
    birth_year: int | None = Field(default=None, ge=1900, le=2200)
    id_number: str = Field(default="", max_length=200)
    id_lookup: str = Field(default="", max_length=64)
    phone: str = Field(default="", max_length=200)
    phone_lookup: str = Field(default="", max_length=64)
    tags: list[str] = Field(default_factory=list, max_length=20)
    arrived_on: str | None = Field(default=None, max_length=10)
    left_on: str | None = Field(default=None, max_length=10)
    note: str = Field(default="", max_length=PERSON_NOTE_MAX)
    # The day the person was first saved (kept by the server once set); absent from older
    # devices' payloads: unknown.
    registered_on: str | None = Field(default=None, max_length=10)
    # What the edit started from; absent for a new person and from older devices, whose
    # record replaces the server's whole.
    base: MemberBase | None = None


class VehiclePayload(WireModel):
    id: str = Field(min_length=1, max_length=100)
    plate: str = Field(min_length=1, max_length=20)
    kind: str = Field(default="", max_length=40)
    note: str = Field(default="", max_length=500)


class HouseholdBase(WireModel):
    code: str = Field(default="", max_length=HOUSEHOLD_CODE_MAX)
    building: str = Field(default="", max_length=BUILDING_MAX)
    venue_id: str | None = Field(default=None, max_length=100)
    address: str = Field(default="", max_length=300)
    note: str = Field(default="", max_length=2000)


class HouseholdUpsert(WireModel):
    """`household.upsert`: a household (户) with the members and vehicles written on the
    device; members and vehicles not named are kept (a person who moves out gets a
    `left_on` date)."""

    id: str = Field(min_length=1, max_length=100)
    grid_code: str = Field(min_length=1, max_length=100)
    code: str = Field(default="", max_length=HOUSEHOLD_CODE_MAX)  # 户号, when the village numbers
    building: str = Field(default="", max_length=BUILDING_MAX)  # 楼栋 / 屯
    venue_id: str | None = Field(default=None, max_length=100)  # the rental housing
    address: str = Field(default="", max_length=300)
    note: str = Field(default="", max_length=2000)
    updated_at: str = Field(max_length=40)
    updated_by: str = Field(max_length=100)  # person id
    members: list[MemberPayload] = Field(default_factory=list, max_length=100)
    vehicles: list[VehiclePayload] = Field(default_factory=list, max_length=50)
    # The household's own fields as the edit started from them (see MemberBase); absent
    # for a new household and from older devices.
    base: HouseholdBase | None = None


class PersonalReveal(WireModel):
    """`personal_data.reveal`: someone opened a masked value; the server's audit trail
    keeps who, whose, which field, when, on which device and why (`purpose`, one of
    fieldapp.services.people.reveal.PURPOSES, and a note). Devices before the purpose was
    asked push neither: both default to empty."""

    id: str = Field(min_length=1, max_length=100)
    actor: str = Field(max_length=100)  # person id
    device_id: str = Field(default="", max_length=100)
    member_id: str = Field(max_length=100)
    field: Literal["id_number", "phone"]
    at: str = Field(max_length=40)
    purpose: str = Field(default="", max_length=200)
    purpose_note: str = Field(default="", max_length=200)


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


class TeamMember(WireModel):
    """One of a controlled person's 三包一 team."""

    role: Literal["town_cadre", "village_cadre", "medical_worker"]
    name: str = Field(min_length=1, max_length=100)


class PlanEnded(WireModel):
    """A plan ended early: when, by whom, why."""

    at: str = Field(max_length=40)
    by: str = Field(min_length=1, max_length=100)
    reason: str = Field(min_length=1, max_length=500)


class FollowupPlanPayload(WireModel):
    """`followup.plan`: a follow-up plan on a person of the registry. `team` and `ended`
    are optional (an older device sends neither); a plan sent again with `ended` ends the
    held one early, once."""

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
    team: list[TeamMember] = Field(default_factory=list, max_length=30)
    ended: PlanEnded | None = None


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
