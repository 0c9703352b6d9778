"""One incident in full, read-only, for the supervisor's incident view: what happened, who
was involved, its evidence files (those reported with it and the photos added later by
its events, whether each is on this device, and whether sync has sent it to the server:
`Blob.uploaded`), its events in fold order and its conflicts.

People involved and notes are free text a reporter typed: an ID number or phone typed
into them is masked here (`domain.personal.mask_numbers_in_text`), as every screen shows
personal numbers; the clear value never leaves the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.personal import mask_numbers_in_text
from fieldapp.services.common.identity import me
from fieldapp.services.common.photos import blob_path, photo_labels
from fieldapp.services.common.refused_records import RecordRefusal, incident_refusals
from fieldapp.services.incidents import events
from fieldapp.services.incidents.queue import local_time, my_grids
from fieldapp.store.incident_models import Incident, IncidentEvent
from fieldapp.store.models import Blob, Grid, Person, Venue


class IncidentNotFound(LookupError):
    """No such incident, or neither one of this person's grids nor reported by them."""


@dataclass(frozen=True, slots=True)
class PersonInvolved:
    name: str  # masked where it holds a number
    role: str


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    kind: str  # photo | video | audio | other
    name: str  # the file's name; a photo's as `photo_labels` names it (照片 1)
    sha256: str
    size: int | None  # bytes, when known
    on_device: bool
    on_server: bool = False  # sent by sync, or fetched from the server
    path: str = ""  # where it is on this device ("" when it is not)


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    at: str  # local "YYYY-MM-DD HH:MM"
    type: str
    actor: str  # name
    role: str
    note: str  # masked
    assignee: str = ""  # assigned: the person's name
    unit: str = ""  # handed over: the receiving unit's code
    reference: str = ""
    date: str = ""
    outcome: str = ""  # outcome recorded: its code
    conflict: bool = False  # arrived when it could not apply


@dataclass(frozen=True, slots=True)
class IncidentConflict:
    event_type: str
    state: str  # the state it arrived in
    actor: str  # who sent the event that could not apply
    other: str  # who changed the state first
    resolved: bool


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    id: str
    category: str
    occurred_at: str  # local
    venue: str  # "name code", or "" when the place is an address
    address: str
    grid: str
    reporter: str
    reported_at: str  # local
    state: str
    assigned_to: str  # name
    description: str
    people: tuple[PersonInvolved, ...]
    evidence: tuple[EvidenceFile, ...]
    history: tuple[HistoryEvent, ...]
    conflicts: tuple[IncidentConflict, ...]
    refusal: RecordRefusal | None = None  # the server refused to create it: not on record


def _kind(mime: str) -> str:
    kind = mime.partition("/")[0]
    return kind if kind in ("video", "audio") else "other"


def _evidence(incident: Incident, added: list[str]) -> tuple[EvidenceFile, ...]:
    """The report's photos, then those its events `added` (in fold order), each once, then
    its video and audio files."""
    media = list(incident.media or [])
    photos = list(dict.fromkeys([*(str(sha) for sha in incident.photos or []), *added]))
    shas = list(photos)
    shas += [str(m.get("sha256", "")) for m in media]
    blobs = {b.sha256: b for b in Blob.select().where(Blob.sha256.in_([s for s in shas if s]))}

    def file(kind: str, name: str, sha: str, size: object) -> EvidenceFile:
        here = bool(sha) and blob_path(sha).is_file()
        blob = blobs.get(sha)
        if not isinstance(size, int):
            size = blob.size if blob is not None else None
        return EvidenceFile(kind, name, sha, size, here, blob is not None and bool(blob.uploaded),
                            str(blob_path(sha)) if here else "")  # fmt: skip

    # named as every photo is named to a person (the file attached, or 照片 1), never the hash
    files = [
        file("photo", n, sha, None) for sha, n in zip(photos, photo_labels(photos), strict=True)
    ]
    for m in media:
        kind, name = _kind(str(m.get("mime", ""))), str(m.get("name", ""))
        files.append(file(kind, name, str(m.get("sha256", "")), m.get("size")))
    return tuple(files)


def incident_record(incident_id: str) -> IncidentRecord:
    """Everything the incident view shows about one incident (call it in a worker)."""
    incident = Incident.get_or_none(Incident.id == incident_id)
    who = me()
    # A reporter reads their own incident wherever it is (their grids may have changed).
    if incident is None or (
        who.role != "admin"
        and incident.created_by != who.person_id
        and incident.grid_code not in my_grids()
    ):
        raise IncidentNotFound(incident_id)
    folded = events.fold_of(incident_id)
    stored = {e.id: e for e in IncidentEvent.select().where(IncidentEvent.incident == incident_id)}
    wanted = {incident.created_by, folded.assigned_to, *(e.actor for e in stored.values())}
    wanted |= {str(e.data.get("person", "")) for e in stored.values() if e.type == "assigned"}
    names = {
        p.id: p.name
        for p in Person.select(Person.id, Person.name).where(Person.id.in_(list(wanted - {""})))
    }
    conflicting = {c.event_id for c in folded.conflicts}
    history = []
    for event_id in folded.order:
        e = stored[event_id]
        data = dict(e.data or {})
        person = str(data.get("person", "")) if e.type == "assigned" else ""
        history.append(
            HistoryEvent(
                at=local_time(e.at),
                type=e.type,
                actor=names.get(e.actor, e.actor),
                role=e.role,
                note=mask_numbers_in_text(e.note),
                assignee=names.get(person, person),
                unit=str(data.get("unit", "")) if e.type == "handed_over" else "",
                reference=str(data.get("reference", "")) if e.type == "handed_over" else "",
                date=str(data.get("date", "")) if e.type == "handed_over" else "",
                outcome=str(data.get("outcome", "")) if e.type == "outcome_recorded" else "",
                conflict=e.id in conflicting,
            )
        )
    conflicts = []
    for c in folded.conflicts:
        sender = stored.get(c.event_id)
        other = stored.get(c.after_event or "")
        conflicts.append(
            IncidentConflict(
                event_type=c.event_type,
                state=c.state,
                actor=names.get(sender.actor, sender.actor) if sender else "",
                other=names.get(other.actor, other.actor) if other else "",
                resolved=c.event_id in folded.resolved,
            )
        )
    added_photos = [str(p) for event_id in folded.order for p in stored[event_id].photos or []]
    venue = Venue.get_or_none(Venue.id == incident.venue_id) if incident.venue_id else None
    grid = Grid.get_or_none(Grid.code == incident.grid_code)
    return IncidentRecord(
        id=incident.id,
        category=incident.category,
        occurred_at=local_time(incident.occurred_at),
        venue=f"{venue.name} {venue.code}" if venue else "",
        address=incident.address,
        grid=grid.name if grid else incident.grid_code,
        reporter=names.get(incident.created_by, incident.created_by),
        reported_at=local_time(incident.created_at),
        state=folded.state,
        assigned_to=names.get(folded.assigned_to, folded.assigned_to),
        description=mask_numbers_in_text(incident.description),
        people=tuple(
            PersonInvolved(
                mask_numbers_in_text(str(p.get("name", ""))),
                mask_numbers_in_text(str(p.get("role", ""))),
            )
            for p in incident.people or []
            if isinstance(p, dict)
        ),
        evidence=_evidence(incident, added_photos),
        history=tuple(history),
        conflicts=tuple(conflicts),
        refusal=incident_refusals([incident_id]).get(incident_id),
    )
