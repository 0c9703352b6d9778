"""`venue.attributes` on the server: a person corrects attributes of a venue in their
grids (a wrong `has_gas`, the rooms a repeat group asks). The named attributes change,
the others stay; the venue goes out again to every device of its grid. A count the
venue's checklist repeats a section over is bounded as the office's import bounds it."""

from __future__ import annotations

from fieldapp.domain.checklist import MAX_INSTANCES
from fieldapp.domain.venue_facts import beyond_repeats, merged, value_problem
from sync.protocol import VenueAttributes, refusals
from sync.server import db as server_db
from sync.server.models import Venue
from sync.server.records import venue_change
from sync.server.scope import DeviceContext, require_own
from sync.server.submit import Applied, venue_in_scope
from sync.server.venue_cells import repeated_counts


def apply_venue_attributes(who: DeviceContext, sub: VenueAttributes) -> Applied:
    require_own(who, sub.corrected_by, "the correction of a venue's attributes")
    venue = venue_in_scope(who, sub.venue_id)
    for name, value in sub.attributes.items():
        problem = value_problem(name, value)
        if problem:
            text = f"venue {venue.code} {venue.name}: {problem}"
            venue_named = f"{venue.code} {venue.name}"
            raise refusals.refused(
                text, refusals.VENUE_ATTRIBUTE, venue=venue_named, attribute=name
            )
    repeated = repeated_counts().get(venue.kind, set())
    for name, value in sub.attributes.items():
        if beyond_repeats(name, value, repeated):
            text = (
                f"venue {venue.code} {venue.name}: {name} {value} is more than the"
                f" {venue.kind} checklist asks one by one (at most {MAX_INSTANCES})"
            )
            raise refusals.refused(
                text,
                refusals.VENUE_COUNT_BEYOND_CHECKLIST,
                venue=f"{venue.code} {venue.name}",
                attribute=name,
                value=f"{value:g}" if isinstance(value, float) else value,
                limit=MAX_INSTANCES,
            )
    venue.attributes = merged(venue.attributes or {}, sub.attributes)
    venue.updated_at = server_db.now_iso()
    Venue.update(attributes=venue.attributes, updated_at=venue.updated_at).where(
        Venue.id == venue.id
    ).execute()
    return Applied([venue_change(venue)])
