"""`incident.event`: an incident's events authorised, numbered and folded on the server.

The first event (`reported`) carries the incident; the reporter must be the device's own
person and the incident's grid among theirs. Later events are authorised by the incident
lifecycle's table (`fieldapp.domain.incidents.INCIDENT`: an inspector reports, adds
notes and adds photos taken later (`evidence_added`, refused without a photo); a
supervisor assigns, hands over, records the outcome and closes) and folded by the one
fold in the server's order — an event that lands as an invalid transition is kept and
flagged as a conflict, as for hazards.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fieldapp.domain import findings as machine
from fieldapp.domain.incidents import (
    HANDED_OVER,
    INCIDENT,
    REPORTED_WITHIN_DAYS,
    evidence_missing,
    handed_over_before_one_happened,
    reported_too_late,
)
from sync.protocol import IncidentEventSubmit, IncidentPayload, refusals
from sync.server import db as server_db
from sync.server.feed import NewChange, person_audience
from sync.server.findings import as_domain_event
from sync.server.incident_models import Incident, IncidentEvent
from sync.server.models import Grid, Venue
from sync.server.office_time import office_day
from sync.server.op_checks import check_event_text, check_text
from sync.server.records import lifecycle_event_record
from sync.server.scope import (
    DeviceContext,
    grids_in_scope,
    may_write_grid,
    outside_grid_reason,
    require_own,
)
from sync.server.submit import Applied


def fold_incident(events: list[IncidentEvent | dict[str, Any]]) -> machine.FindingState:
    return machine.fold((as_domain_event(e) for e in events), INCIDENT)


def incident_change(incident: Incident) -> NewChange:
    record = {
        "id": incident.id,
        "category": incident.category,
        "grid_code": incident.grid_code,
        "venue_id": incident.venue_id,
        "address": incident.address,
        "occurred_at": incident.occurred_at,
        "description": incident.description,
        "people": incident.people,
        "photos": incident.photos,
        "media": incident.media,
        "created_at": incident.created_at,
        "created_by": incident.created_by,
        "state": incident.state,
        "assigned_to": incident.assigned_to,
        "conflict": incident.conflict,
    }
    return NewChange("incident", incident.id, record, grid_code=incident.grid_code)


def incident_event_change(event: IncidentEvent, grid_code: str) -> NewChange:
    record = lifecycle_event_record(event, "incident_id", event.incident_id)
    return NewChange("incident.event", event.id, record, grid_code=grid_code)


def for_reporter(incident: Incident, changes: list[NewChange]) -> list[NewChange]:
    """The reporter follows their incident (我上报的事件) wherever their grids are: when its
    grid is not, or no longer, among theirs, its changes go to them by name too, as an
    inspection's verdict goes to its inspector (their device holds the incident already)."""
    if incident.grid_code in grids_in_scope(incident.created_by):
        return []  # the grid's own changes reach them
    audience = person_audience(incident.created_by)
    return [replace(change, grid_code=None, audience=audience) for change in changes]


def _create(who: DeviceContext, sub: IncidentEventSubmit, payload: IncidentPayload) -> Incident:
    if payload.id != sub.incident_id:
        text = f"incident {payload.id} is sent with an event of {sub.incident_id}"
        raise refusals.refused(text, refusals.INCIDENT_OPENING)
    require_own(who, payload.created_by, f"incident {payload.id}")
    check_text(f"the address of incident {payload.id}", "incident_address", payload.address)
    what = f"the description of incident {payload.id}"
    check_text(what, "incident_description", payload.description)
    for person in payload.people:  # each person involved, by the person form's rule
        check_text(f"a person involved in incident {payload.id}", "person_name", person.name)
    if reported_too_late(payload.occurred_at, payload.created_at):
        occurred, reported = office_day(payload.occurred_at), office_day(payload.created_at)
        text = (
            f"incident {payload.id} happened on {occurred}, more than {REPORTED_WITHIN_DAYS}"
            f" days before it was reported on {reported}; such a report belongs with the office"
        )
        raise refusals.refused(
            text, refusals.INCIDENT_REPORTED_LATE, occurred=occurred, reported=reported
        )
    if sub.event.type != INCIDENT.opening:
        text = f"incident {payload.id} must arrive with its '{INCIDENT.opening}' event"
        raise refusals.refused(text, refusals.INCIDENT_OPENING)
    grid = payload.grid_code
    if payload.venue_id:
        venue = Venue.get_or_none(Venue.id == payload.venue_id)
        if venue is None:
            raise refusals.unknown_venue(payload.venue_id)
        grid = venue.grid_code
    if Grid.get_or_none(Grid.code == grid) is None:
        raise refusals.unknown_grid(grid)
    if not may_write_grid(who, grid):
        raise ValueError(outside_grid_reason(who, grid, f"incident {payload.id}"))
    values = payload.model_dump(exclude={"grid_code"})
    return Incident.create(**values, grid=grid, received_at=server_db.now_iso())


def apply_incident_event(who: DeviceContext, sub: IncidentEventSubmit) -> Applied:
    event = sub.event
    require_own(who, event.actor, f"event {event.id}")
    check_event_text(f"event {event.id}", event.type, event.note, event.data)
    if evidence_missing(event.type, event.photos):
        text = f"event {event.id} adds evidence to incident {sub.incident_id} without a photo"
        raise refusals.refused(text, refusals.EVIDENCE_WITHOUT_PHOTO)
    if not machine.role_may_send(who.role, event.type, INCIDENT):
        text = (
            f"a person with the role {who.role} may not record '{event.type}' on an "
            "incident; a supervisor of the grid must do it"
        )
        raise refusals.wrong_role(who.role, event.type, text)
    if IncidentEvent.get_or_none(IncidentEvent.id == event.id) is not None:
        text = f"incident event {event.id} already exists; event ids are never reused"
        raise refusals.already_submitted("event", event.id, text)
    incident = Incident.get_or_none(Incident.id == sub.incident_id)
    if incident is None:
        if sub.incident is None:
            text = (
                f"incident {sub.incident_id} is not known to the server "
                "(its report may have been refused)"
            )
            raise refusals.unknown_record("incident", sub.incident_id, text)
        incident = _create(who, sub, sub.incident)
    elif not may_write_grid(who, incident.grid_code):
        raise ValueError(outside_grid_reason(who, incident.grid_code, f"incident {incident.id}"))
    # Against the day it happened where the office is, not where the server's host is.
    if event.type == HANDED_OVER and (
        early := handed_over_before_one_happened(event.data, [office_day(incident.occurred_at)])
    ):
        handed, happened = (day.isoformat() for day in early)
        text = (
            f"event {event.id} hands incident {incident.id} over on {handed}, before the"
            f" day it happened, {happened}"
        )
        raise refusals.refused(
            text, refusals.INCIDENT_HANDED_OVER_EARLY, date=handed, earliest=happened
        )
    if server_db.is_postgres():  # number the incident's events one after the other
        Incident.select().where(Incident.id == incident.id).for_update().execute()
    existing: list[IncidentEvent | dict[str, Any]] = list(
        IncidentEvent.select()
        .where(IncidentEvent.incident == incident.id)
        .order_by(IncidentEvent.server_order)
    )
    row: dict[str, Any] = {
        "id": event.id,
        "incident": incident.id,
        "type": event.type,
        "actor": event.actor,
        "role": who.role,
        "device_id": who.device_id,
        "base_event": event.base_event,
        "at": event.at,
        "note": event.note,
        "photos": event.photos,
        "data": event.data,
        "received_at": server_db.now_iso(),
        "server_order": len(existing),
    }
    folded = fold_incident([*existing, row])
    conflict = next((c.reason for c in folded.conflicts if c.event_id == event.id), None)
    row["conflict"], row["conflict_reason"] = conflict is not None, conflict or ""
    IncidentEvent.insert(row).execute()
    incident.state = folded.state
    incident.assigned_to = folded.assigned_to
    incident.conflict = bool(folded.conflicts)
    incident.save()
    stored = IncidentEvent.get_by_id(event.id)
    changes = [incident_event_change(stored, incident.grid_code), incident_change(incident)]
    return Applied(
        [*changes, *for_reporter(incident, changes)], conflict, {event.id: row["server_order"]}
    )
