"""Op payloads of the grid's own work: activities held, campaign switches, venue attributes
corrected, patrol runs."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from sync.protocol.bounds import NO_NUL, Id, IsoDate, Name, Sha256, Timestamp, WireModel


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


class VenueAttributes(WireModel):
    """`venue.attributes`: a person corrects attributes of a venue of their grids (has_gas,
    rooms…); null: no longer recorded. The others stay as they are."""

    venue_id: Id
    attributes: dict[Name, bool | int | float | None] = Field(min_length=1, max_length=20)
    corrected_by: Id
    corrected_at: Timestamp


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
    """`patrol_run.submit`: a finished patrol run with every scan it made, one op. Scans
    already sent by `patrol_run.visit` come again (with their notes, photos and answers
    since): the server keeps each scan once, by id."""

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


class PatrolVisit(WireModel):
    """`patrol_run.visit`: one checkpoint visit, sent as it is recorded, with the run it
    belongs to (the first visit puts the run on record, open); the run is finished later
    by `patrol_run.submit`."""

    run_id: str = Field(min_length=1, max_length=100)
    route_id: str = Field(min_length=1, max_length=100)
    person: str = Field(min_length=1, max_length=100)
    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    window: str = Field(pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")
    utc_offset: int = Field(ge=-840, le=840)
    started_at: str = Field(min_length=10, max_length=40)
    scan: PatrolScanPayload


class PatrolTakeOver(WireModel):
    """`patrol_run.take_over`: the person's run open on another device of theirs (lost,
    broken) is walked and finished from this device from now on. The server takes the
    visits it holds as they are and refuses what the other device sends of the run later;
    the other device's unsent visits do not count."""

    run_id: str = Field(min_length=1, max_length=100)
    route_id: str = Field(min_length=1, max_length=100)
    person: str = Field(min_length=1, max_length=100)
    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    window: str = Field(pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")


class PatrolClose(WireModel):
    """`patrol_run.close`: a supervisor closes a run of their grids open on another device
    (lost or broken, its person with no other to take it over on), as the office's
    `fieldapp admin patrol-close` does: finished as it stands, the visits the server holds
    counted, what that device sends of it later refused. `reason` says why, for the audit
    trail."""

    run_id: str = Field(min_length=1, max_length=100)
    route_id: str = Field(min_length=1, max_length=100)
    person: str = Field(min_length=1, max_length=100)  # who walked it
    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    window: str = Field(pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")
    closed_by: str = Field(min_length=1, max_length=100)  # the supervisor (this device's)
    reason: str = Field(min_length=1, max_length=500, pattern=NO_NUL)
