"""Where a venue's inspections stand, as the app asks before opening one: its unfinished
draft (to continue, not start again), that draft's brief for the offer to continue it, and
when its last inspection was submitted (a placard scanned again the same day says so)."""

from __future__ import annotations

from fieldapp.store.models import Inspection, Venue


def draft_for_venue(venue_id: str) -> str | None:
    row = (
        Inspection.select(Inspection.id)
        .where((Inspection.venue == venue_id) & (Inspection.status == "draft"))
        .order_by(Inspection.started_at.desc())
        .first()
    )
    return None if row is None else str(row.id)


def last_submitted_at(venue_id: str) -> str:
    """When the venue's last inspection was submitted (UTC, stored), "" if never."""
    row = (
        Inspection.select(Inspection.submitted_at)
        .where((Inspection.venue == venue_id) & Inspection.submitted_at.is_null(False))
        .order_by(Inspection.submitted_at.desc())
        .first()
    )
    return "" if row is None else str(row.submitted_at or "")


def draft_brief(inspection_id: str) -> tuple[str, str, str, str]:
    """The unfinished inspection as the offer to continue it says it: the venue's name and
    code, when it started (UTC, stored) and the item it stands at."""
    row = Inspection.select(Inspection, Venue).join(Venue).where(Inspection.id == inspection_id)
    draft = row.get()
    return (draft.venue.name, draft.venue.code, draft.started_at, draft.current_item)
