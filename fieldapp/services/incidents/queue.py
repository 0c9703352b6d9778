"""The supervisor's incident queue: one page of a queue, counts, and bulk actions.

A bulk action is one transaction whose refusals are per incident and never abort the
others; every event goes through `events.append_event`, so the one fold decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from peewee import Expression

from fieldapp.domain import finding_checks
from fieldapp.domain import findings as machine
from fieldapp.domain import incidents as lifecycle
from fieldapp.domain.clock import today, wall_moment
from fieldapp.domain.free_text import optional_text_problem
from fieldapp.i18n import t
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.refused_records import RecordRefusal, incident_refusals
from fieldapp.services.incidents import events
from fieldapp.store.db import write_transaction
from fieldapp.store.incident_models import Incident, photo_counts
from fieldapp.store.models import Person, PersonGrid, Venue

QUEUES = ("active", "unassigned", "handed_over", "conflicts", "all")
BULK_EVENTS = ("assigned", "handed_over", "outcome_recorded", "closed", "note")


class ActionRefused(ValueError):
    """A whole bulk action refused before anything was written; str() is for a person."""


@dataclass(frozen=True, slots=True)
class BulkResult:
    incident_id: str
    applied: bool
    reason: str = ""
    event_id: str | None = None


def my_grids() -> list[str]:
    return grid_codes_under([code for code, _ in me().grids])


def _condition(queue: str) -> Expression | None:
    if queue == "active":
        return Incident.state.in_(lifecycle.ACTIVE_STATES)
    if queue == "unassigned":
        return Incident.state == lifecycle.REPORTED
    if queue == "handed_over":
        return Incident.state == lifecycle.HANDED_OVER
    if queue == "conflicts":
        return Incident.conflict == True  # noqa: E712
    return None


def _query(queue: str) -> Any:
    query = Incident.select()
    who = me()
    if who.role != "admin":
        query = query.where(Incident.grid.in_(my_grids()))
    condition = _condition(queue)
    return query if condition is None else query.where(condition)


def incident_queue(queue: str = "active", *, limit: int = 200, offset: int = 0) -> list[Incident]:
    """Newest first: the incident that just happened is the one to act on."""
    query = _query(queue).order_by(Incident.occurred_at.desc(), Incident.id.desc())
    return list(query.limit(limit).offset(offset))


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """One line of the queue, as a person reads it."""

    id: str
    occurred_at: str  # local "YYYY-MM-DD HH:MM"
    category: str
    place: str
    state: str
    reporter: str
    photos: int
    media: int
    conflict: bool
    handed_over_to: str = ""
    outcome: str = ""
    refusal: RecordRefusal | None = None  # the server refused to create it: not on record


def local_time(stamp: str) -> str:
    """A stored UTC time as local `YYYY-MM-DD HH:MM` for people."""
    try:
        return wall_moment(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp[:16]


def incident_rows(queue: str = "active", *, limit: int = 200) -> list[IncidentRow]:
    return rows_of(incident_queue(queue, limit=limit))


def rows_of(incidents: list[Incident]) -> list[IncidentRow]:
    """Incidents as the lines of a list: the place named, the reporter by name, whom it was
    handed over to and the outcome from its events' fold, and the refusal of one this
    device reported that the server refused to create."""
    venues = {
        v.id: f"{v.name} {v.code}"
        for v in Venue.select().where(Venue.id.in_([i.venue_id for i in incidents if i.venue_id]))
    }
    people = {
        p.id: p.name
        for p in Person.select().where(Person.id.in_({i.created_by for i in incidents}))
    }
    refused = incident_refusals([i.id for i in incidents])  # only this device's ops
    photos = photo_counts(incidents)  # those added after the report too
    rows = []
    for incident in incidents:
        folded = events.fold_of(incident.id)
        rows.append(
            IncidentRow(
                id=incident.id,
                occurred_at=local_time(incident.occurred_at),
                category=incident.category,
                place=venues.get(incident.venue_id or "", "") or incident.address,
                state=incident.state,
                reporter=people.get(incident.created_by, incident.created_by),
                photos=photos[incident.id],
                media=len(incident.media or []),
                conflict=bool(incident.conflict),
                handed_over_to=folded.handed_over_to,
                outcome=folded.outcome,
                refusal=refused.get(incident.id),
            )
        )
    return rows


def assignable_people() -> list[tuple[str, str]]:
    """The people of my grids, to assign an incident to."""
    query = (
        Person.select(Person.id, Person.name)
        .join(PersonGrid)
        .where(PersonGrid.grid.in_(my_grids()))
        .distinct()
        .order_by(Person.name)
    )
    return [(p.id, p.name) for p in query]


def queue_counts() -> dict[str, int]:
    return {queue: _query(queue).count() for queue in QUEUES}


def bulk_apply(
    incident_ids: Iterable[str],
    event_type: str,
    note: str = "",
    data: Mapping[str, Any] | None = None,
) -> list[BulkResult]:
    """Apply one action to many incidents in one transaction; a result per incident."""
    who = me()
    if event_type not in BULK_EVENTS:
        raise ActionRefused(t("incident.refused.unknown_event", event=event_type))
    if not machine.role_may_send(who.role, event_type, lifecycle.INCIDENT):
        raise ActionRefused(t("incident.refused.role", event=t(f"incident.event.{event_type}")))
    payload = dict(data or {})
    if event_type == "handed_over":
        payload.setdefault("date", today().isoformat())
    problem = finding_checks.check_event_data(event_type, payload, lifecycle.INCIDENT)
    if problem is None:  # a note, where it may be left empty, says something once typed
        problem = optional_text_problem("note", note)
    if problem is not None:
        raise ActionRefused(problem)
    allowed = None if who.role == "admin" else set(my_grids())
    results: list[BulkResult] = []
    with write_transaction():
        for incident_id in dict.fromkeys(incident_ids):
            incident = Incident.get_or_none(Incident.id == incident_id)
            if incident is None or (allowed is not None and incident.grid_code not in allowed):
                results.append(BulkResult(incident_id, False, t("incident.refused.not_found")))
                continue
            try:
                event = events.append_event(incident_id, event_type, note=note, data=payload)
            except machine.TransitionRefused as refusal:
                results.append(BulkResult(incident_id, False, str(refusal)))
                continue
            results.append(BulkResult(incident_id, True, event_id=event.id))
    return results
