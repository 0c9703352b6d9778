"""After a sync that pulled anything, the due caches (`Venue.last_inspected_on`, `due_on`)
follow the latest submitted inspection per venue: a device that only pulls (a supervisor's)
no longer shows a venue inspected elsewhere as "never inspected / due today"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fieldapp.domain import cadence
from fieldapp.domain.clock import wall_clock
from fieldapp.domain.ids import new_id
from fieldapp.services.common import settings
from fieldapp.services.common.periods import utc_iso
from fieldapp.services.syncing import runs as syncing
from fieldapp.store.models import Inspection, Person, Venue
from sync.client.base import SyncResult


def pulled_inspection(venue: Venue, submitted: dt.datetime) -> str:
    """An inspection row as a pull writes it (submitted on another device)."""
    inspection_id = new_id()
    stamp = utc_iso(submitted)
    Inspection.create(
        id=inspection_id,
        venue=venue.id,
        inspector=Person.select().first().id,
        checklist_id=venue.kind,
        checklist_version=1,
        device_id="another-device",
        started_at=stamp,
        finished_at=stamp,
        submitted_at=stamp,
        status="submitted",
    )
    return inspection_id


def test_pulled_inspections_move_the_due_dates(demo_home: Path) -> None:
    never, older, newer = (
        Venue.select()
        .where(~Venue.id.in_(Inspection.select(Inspection.venue)))
        .order_by(Venue.code)
        .limit(3)
    )
    today = dt.date.today()
    Venue.update(last_inspected_on=None, due_on=None).where(Venue.id == never.id).execute()
    Venue.update(last_inspected_on=today - dt.timedelta(days=40), due_on=None).where(
        Venue.id == older.id
    ).execute()
    Venue.update(last_inspected_on=today, risk_level="high").where(Venue.id == newer.id).execute()
    two_days_ago = wall_clock(dt.datetime.now(dt.UTC)) - dt.timedelta(days=2)
    for venue in (never, older, newer):
        pulled_inspection(venue, two_days_ago)

    syncing.after_sync(SyncResult(pulled=0))  # nothing pulled: nothing recomputed
    assert Venue.get_by_id(never.id).last_inspected_on is None

    syncing.after_sync(SyncResult(pulled=3))

    for venue, last in (
        (never, two_days_ago.date()),
        (older, two_days_ago.date()),
        (newer, today),  # never moved back by an older inspection
    ):
        row = Venue.get_by_id(venue.id)
        assert row.last_inspected_on == last, venue.code
        expected = cadence.due_on(row.kind, row.risk_level, last, settings.cadence())
        assert row.due_on == expected, venue.code
    assert Venue.get_by_id(newer.id).due_on == today + dt.timedelta(
        days=cadence.interval_days(newer.kind, "high", settings.cadence())
    )


def test_a_second_refresh_writes_nothing(demo_home: Path) -> None:
    syncing.refresh_due_caches()
    assert syncing.refresh_due_caches() == 0
