"""What the home screen shows: me, venues due, drafts, open hazards, unsynced records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from fieldapp.domain.cadence import week_end
from fieldapp.domain.clock import today
from fieldapp.services.common import campaigns, outbox
from fieldapp.services.common.campaigns import Applied
from fieldapp.services.common.checklists import due_in
from fieldapp.services.common.identity import Me, grid_codes_under, me
from fieldapp.services.inspection.active_findings import open_findings
from fieldapp.store.models import Finding, Grid, Inspection, Venue
from fieldapp.store.refused_conditions import on_record


@dataclass
class HomeData:
    me: Me
    today: dt.date
    due_counts: dict[str, int]  # overdue | today | week
    due: list[Venue]  # the first page of the due list, overdue first
    drafts: list[Inspection]
    open_findings: list[Finding]
    overdue_findings: int
    unsynced: int
    grid_codes: tuple[str, ...] = ()  # my grids and every grid under them
    campaigns: tuple[Applied, ...] = ()  # on today in my grids


def due_condition(grids: list[str], day: dt.date, bucket: str | None = None):  # type: ignore[no-untyped-def]
    in_grids = due_in(grids)
    if bucket == "overdue":
        return in_grids & (Venue.due_on < day)
    if bucket == "today":
        return in_grids & ((Venue.due_on == day) | Venue.due_on.is_null())
    if bucket == "week":
        return in_grids & (Venue.due_on > day) & (Venue.due_on <= week_end(day))
    return in_grids & ((Venue.due_on <= week_end(day)) | Venue.due_on.is_null())


def due_venues(
    grids: list[str], day: dt.date, *, limit: int = 50, offset: int = 0, overdue: int | None = None
) -> list[Venue]:
    """Venues due by the end of this week, most overdue first; never inspected count as today.

    `overdue`, the number of overdue venues when the caller has counted them: a page that
    lies within them is picked from them alone (they come first). At 100,000 venues the
    ~20,000 venues a town's grids have due this week were sorted for a first page of its
    ~4,000 overdue: the home read at start-up took ~18 ms of CPU, ~14.5 ms now."""
    if overdue is not None and offset + limit <= overdue:
        venues = _due_page(grids, day, limit, offset, "overdue")
        if len(venues) == limit:  # else some were inspected since they were counted
            return venues
    return _due_page(grids, day, limit, offset, None)


def _due_page(
    grids: list[str], day: dt.date, limit: int, offset: int, bucket: str | None
) -> list[Venue]:
    # The page is picked from the covering index venue_grid_due_code_id, then only its
    # rows are read (sorting whole rows of every due venue took ~15–25 ms at 100k venues).
    page = (
        Venue.select(Venue.id)
        .where(due_condition(grids, day, bucket))
        .order_by(fn.COALESCE(Venue.due_on, day), Venue.code)
        .limit(limit)
        .offset(offset)
    )
    return list(
        Venue.select(Venue, Grid)
        .join(Grid)
        .where(Venue.id.in_(page))
        .order_by(fn.COALESCE(Venue.due_on, day), Venue.code)
    )


def due_count(grids: list[str], day: dt.date, bucket: str) -> int:
    """How many venues of my grids are in a due list's bucket. Today's are counted as its
    two parts, due today and never inspected: SQLite reads each from the (grid, due_on)
    index, where `due_on = ? OR due_on IS NULL` read every entry of the grids (at 100,000
    venues ~1.5 ms against ~0.3 ms)."""
    if bucket == "today":
        in_grids = due_in(grids)
        return sum(
            Venue.select().where(in_grids & part).count()
            for part in (Venue.due_on == day, Venue.due_on.is_null())
        )
    return Venue.select().where(due_condition(grids, day, bucket)).count()


def drafts() -> list[Inspection]:
    """My inspections not yet submitted, newest first (read here, not in `inspections`:
    that module's writing, proof and form rules are not needed to show home)."""
    return list(
        Inspection.select(Inspection, Venue)
        .join(Venue)
        .where((Inspection.status == "draft") & (Inspection.inspector == me().person_id))
        .order_by(Inspection.started_at.desc())
    )


def load_home(page: int = 50) -> HomeData:
    who = me()
    day = today()
    grids = grid_codes_under([code for code, _ in who.grids])
    counts = {bucket: due_count(grids, day, bucket) for bucket in ("overdue", "today", "week")}
    overdue_findings = (
        Finding.select()
        .join(Venue)
        .where(
            (Finding.state == "open")
            & (Finding.current_deadline < day)
            & Venue.grid.in_(grids)
            & on_record(Finding.inspection)  # not a refused inspection's
        )
        .count()
    )
    return HomeData(
        me=who,
        today=day,
        due_counts=counts,
        due=due_venues(grids, day, limit=page, overdue=counts["overdue"]),
        drafts=drafts(),
        open_findings=open_findings(limit=page),
        overdue_findings=overdue_findings,
        unsynced=outbox.pending_count(),
        grid_codes=tuple(grids),
        campaigns=tuple(my_campaigns(grids, [code for code, _ in who.grids], day)),
    )


def my_campaigns(grids: list[str], mine: list[str], day: dt.date) -> list[Applied]:
    """Campaigns on today in my grids, those under them or those above them."""
    around = set(grids)
    for code in mine:
        around.update(campaigns.grid_path(code))
    return campaigns.applying(around, day)
