"""A re-inspection of a returned inspection supersedes it (`Inspection.supersedes`).

A submitted inspection never changes: when a supervisor returns one, the inspector
inspects the venue again, and the new inspection names the returned one it replaces. The
draft records it when it starts (`pending_return`); the `inspection.submit` payload carries
it and the server checks it names an inspection of the same venue. Once the replacement is
submitted, the returned one is no longer current: it leaves the supervisor's review queues
and counts no more where inspections are counted (`fieldapp.store.superseded`), so the two count once.
Its hazards stay as they are: a hazard closes only by its own events (`open_hazards`
lists the ones still open, so the inspector does not record them twice; `open_on_item`
finds them, and any other inspection's, when a failure on the same item opens the hazard
form).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.services.inspection.descriptions import shown
from fieldapp.services.inspection.findings import ACTIVE_STATES
from fieldapp.services.inspection.returned import returned_inspections
from fieldapp.store.db import db
from fieldapp.store.models import Finding, Inspection


@dataclass(frozen=True, slots=True)
class Supersession:
    """The other inspection of a pair: the one replaced, or the one replacing it."""

    inspection_id: str
    submitted_at: str  # "" for a draft not submitted yet
    inspector_name: str


def pending_return(venue_id: str) -> str | None:
    """My returned inspection of the venue not yet done again (the newest), which a new
    inspection of the venue supersedes."""
    mine = [r.inspection_id for r in returned_inspections() if r.venue_id == venue_id]
    return mine[-1] if mine else None


def _other(sql: str, inspection_id: str) -> Supersession | None:
    found = db.execute_sql(sql, (inspection_id,)).fetchone()
    return None if found is None else Supersession(found[0], found[1] or "", found[2])


def superseded_by(inspection_id: str) -> Supersession | None:
    """The submitted inspection that replaces this one, if one does."""
    return _other(
        "SELECT s.id, s.submitted_at, p.name FROM inspection s JOIN person p"
        " ON p.id = s.inspector_id WHERE s.supersedes = ? AND s.status = 'submitted'"
        " ORDER BY s.submitted_at LIMIT 1",
        inspection_id,
    )


def replaces(inspection_id: str) -> Supersession | None:
    """The inspection this one supersedes, if it names one held here."""
    return _other(
        "SELECT o.id, o.submitted_at, p.name FROM inspection i"
        " JOIN inspection o ON o.id = i.supersedes JOIN person p ON p.id = o.inspector_id"
        " WHERE i.id = ?",
        inspection_id,
    )


def open_hazards(inspection_id: str) -> list[tuple[str, str]]:
    """(item code, description) of the still-open hazards of the inspection that
    `inspection_id` supersedes; [] when it supersedes none."""
    replaced = Inspection.select(Inspection.supersedes).where(Inspection.id == inspection_id)
    found = (
        Finding.select()
        .where(Finding.inspection.in_(replaced) & Finding.state.in_(ACTIVE_STATES))
        .order_by(Finding.item_code)
    )
    return [(f.item_code, shown(f)) for f in found]


@dataclass(frozen=True, slots=True)
class OpenHazard:
    """A hazard still open at the venue, as the hazard form warns of it."""

    finding_id: str
    deadline: dt.date  # the current one (extended or not)
    description: str


def open_on_item(venue_id: str, item_code: str, *, besides: str = "") -> list[OpenHazard]:
    """The venue's hazards still open on `item_code`, from any inspection (a returned one
    or not), but the finding `besides`; the soonest deadline first."""
    found = Finding.select().where(
        (Finding.venue == venue_id)
        & (Finding.item_code == item_code)
        & Finding.state.in_(ACTIVE_STATES)
        & (Finding.id != besides)
    )
    hazards = [OpenHazard(str(f.id), f.current_deadline or f.deadline, shown(f)) for f in found]
    return sorted(hazards, key=lambda h: (h.deadline, h.finding_id))
