"""The ledger's incident and activity sheets (事件台账, 定期工作台账).

Incidents that happened in the export's dates and grids, each with its state and where
its lifecycle took it (the unit it was handed to, the reference, the outcome) as the one
fold gives them; activities held in the dates and grids with their form, named by the
types in force (services.activities).

An ID number or phone typed into an incident's narrative or people, or an activity's
attendees or minutes, is masked as the detail screen masks it
(`domain.personal.mask_numbers_in_text`), unless the export is the full-personal-data one
(`fieldapp export --full-personal-data`, checked for the role before anything is written).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from fieldapp.domain import findings as machine
from fieldapp.domain.clock import wall_moment
from fieldapp.domain.incidents import INCIDENT
from fieldapp.reports.ledger import Labels
from fieldapp.services.activities.detail import late_reason_apart
from fieldapp.services.activities.types import activity_types
from fieldapp.services.common.refused_records import not_refused
from fieldapp.services.export.sheets import free_text
from fieldapp.store.activity_models import Activity
from fieldapp.store.db import rows
from fieldapp.store.incident_models import Incident, IncidentEvent, photo_counts
from fieldapp.store.models import Grid, Venue
from fieldapp.store.payloads import folded_event
from fieldapp.store.refused_records import ACTIVITY_RECORD, INCIDENT_EVENT

INCIDENT_COLUMNS = (("occurred_at", 17), ("grid_name", 14), ("category", 14), ("place", 24),
                    ("narrative", 30), ("people_involved", 16), ("evidence_count", 8), ("state", 12),
                    ("handed_to", 12), ("reference", 16), ("handed_on", 12),
                    ("outcome", 12), ("reporter", 10))  # fmt: skip
ACTIVITY_COLUMNS = (("held_on", 12), ("grid_name", 14), ("activity", 18), ("place", 20),
                    ("attendees", 8), ("attendee_names", 20), ("minutes", 36),
                    ("late_reason", 20), ("photo_count", 8), ("recorder", 10))  # fmt: skip

Sheet = Callable[[str, Sequence[str], Sequence[int]], None]
Row = Callable[[Sequence[object]], None]


def _local(stamp: str) -> dt.datetime | str:
    """The moment an incident happened, as every moment in the ledger (local, no zone);
    text that is no moment stays as it was typed."""
    try:
        return wall_moment(stamp).replace(tzinfo=None, microsecond=0)
    except ValueError:
        return stamp


def _grid_names() -> dict[str, str]:
    return {code: name for code, name in rows(Grid.select(Grid.code, Grid.name))}


def _folds(ids: list[str]) -> dict[str, machine.FindingState]:
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in IncidentEvent.select().where(IncidentEvent.incident.in_(ids)):
        events[event.incident_id].append(folded_event(event))
    return {i: machine.fold(events.get(i, []), INCIDENT) for i in ids}


def write_incident_sheet(
    sheet: Sheet, row: Row, labels: Labels, grids: list[str], bounds: tuple[str | None, str | None],
    names: dict[str, str], *, full: bool = False,
) -> int:  # fmt: skip
    """One row per incident of the grids that happened within `bounds` (UTC stamps); not
    one the server refused (the office has no such incident). Numbers masked unless
    `full`."""
    said = free_text(full)
    start, end = bounds
    condition = Incident.grid.in_(grids) & not_refused(INCIDENT_EVENT, Incident.id)
    if start:
        condition &= Incident.occurred_at >= start
    if end:
        condition &= Incident.occurred_at < end
    incidents = list(Incident.select().where(condition).order_by(Incident.occurred_at))
    sheet("incidents", [labels(f"ledger.col.{k}") for k, _ in INCIDENT_COLUMNS],
          [w for _, w in INCIDENT_COLUMNS])  # fmt: skip
    grid_names = _grid_names()
    venues = {v.id: v.name for v in Venue.select(Venue.id, Venue.name).where(
        Venue.id.in_({i.venue_id for i in incidents if i.venue_id}))}  # fmt: skip
    folds = _folds([i.id for i in incidents])
    photos = photo_counts(incidents)  # those added after the report too
    for incident in incidents:
        folded = folds[incident.id]
        place = venues.get(incident.venue_id or "", "") or incident.address
        row([
            _local(incident.occurred_at),
            grid_names.get(incident.grid_code, incident.grid_code),
            labels.maybe("incident.category", incident.category),
            place,
            said(incident.description),
            "; ".join(said(f"{p.get('name', '')} {p.get('role', '')}".strip())
                      for p in incident.people or ()),
            photos[incident.id] + len(incident.media or ()),
            labels.maybe("incident.state", incident.state),
            labels.maybe("incident.unit", folded.handed_over_to) if folded.handed_over_to else "",
            folded.reference,
            folded.handed_over_on,
            labels.maybe("incident.outcome", folded.outcome) if folded.outcome else "",
            names.get(incident.created_by, incident.created_by),
        ])  # fmt: skip
    return len(incidents)


def write_activity_sheet(
    sheet: Sheet, row: Row, labels: Labels, grids: list[str],
    days: tuple[dt.date | None, dt.date | None], names: dict[str, str], *, full: bool = False,
) -> int:  # fmt: skip
    """One row per activity held in the grids within `days` (local dates, inclusive); not
    one the server refused (it did not do its duty at the office). Numbers masked unless
    `full`."""
    said = free_text(full)
    first, last = days
    condition = Activity.grid.in_(grids) & not_refused(ACTIVITY_RECORD, Activity.id)
    if first:
        condition &= Activity.held_on >= first
    if last:
        condition &= Activity.held_on <= last
    held = list(Activity.select().where(condition).order_by(Activity.held_on, Activity.recorded_at))
    sheet("activities", [labels(f"ledger.col.{k}") for k, _ in ACTIVITY_COLUMNS],
          [w for _, w in ACTIVITY_COLUMNS])  # fmt: skip
    grid_names = _grid_names()
    kinds = {k.code: k.name(labels.lang) for k in activity_types()}
    for a in held:
        late_reason, minutes = late_reason_apart(a.minutes)
        row([
            a.held_on, grid_names.get(a.grid_code, a.grid_code), kinds.get(a.type_code, a.type_code),
            a.place, a.attendees, said(a.attendee_names), said(minutes), said(late_reason),
            len(a.photos or ()), names.get(a.recorded_by, a.recorded_by),
        ])  # fmt: skip
    return len(held)
