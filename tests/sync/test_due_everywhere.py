"""A venue's due date is the same on every device of its grid and on the server.

The inspector who inspected a venue, a colleague inspector of the same grid (who never
pulls inspections) and the town supervisor (who does) all sync through a real server; each
shows the venue last inspected on the same local day and due on the same date — also for an
inspection made at 07:30 in China, which is the day before in UTC.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from live_server import forget_schema
from rounds_support import CHINA, china_clock, inspect
from sync_world import Device

from fieldapp.domain import cadence
from fieldapp.services.common import settings
from fieldapp.services.common.checklists import load_checklists
from fieldapp.services.syncing.runs import DONE, run_sync
from fieldapp.store.models import Venue
from sync.server import admin
from sync.server import db as server_db
from sync.server.models import Venue as ServerVenue


def _sync(device: Device) -> None:
    device.open()
    outcome = run_sync()
    assert outcome.kind == DONE, (outcome.error, outcome.result.errors)


def _due(device: Device, code: str) -> tuple[dt.date | None, dt.date | None]:
    device.open()
    venue = Venue.get(Venue.code == code)
    return venue.last_inspected_on, venue.due_on


def test_every_device_and_the_server_date_an_inspection_alike(
    make_device, seed, server_workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = server_workdir / "colleague.csv"
    people.write_text("id,name,role,phone,grids\np-insp3,钱七,inspector,,V1\n", encoding="utf-8")
    with server_db.current().connection_context():
        admin.import_people(people)
    with china_clock(monkeypatch) as clock:
        real_now = dt.datetime.now(CHINA)
        inspector = make_device("inspector").enroll("p-insp")
        load_checklists()
        clock.set(real_now)
        _sync(inspector)
        # 20 days ago at 07:30 in China: 23:30 UTC the day before.
        early = (real_now - dt.timedelta(days=20)).replace(hour=7, minute=30)
        inspect(clock, seed.venues["DM-0002"], early)
        clock.set(real_now)
        _sync(inspector)
        shop = cadence.due_on("small_shop", "normal", early.date(), settings.cadence())
        assert _due(inspector, "DM-0002") == (early.date(), shop)

        colleague = make_device("colleague").enroll("p-insp3")
        supervisor = make_device("supervisor").enroll("p-sup")
        for device in (colleague, supervisor):
            _sync(device)
            assert _due(device, "DM-0002") == (early.date(), shop), device.home.name
            assert _due(device, "DM-0001") == (None, None), device.home.name

        # The colleague inspects it again 5 days ago; the first inspector, who pulls no
        # inspections, moves its due date forward too.
        colleague.open()
        load_checklists()
        later = real_now - dt.timedelta(days=5)
        inspect(clock, seed.venues["DM-0002"], later)
        clock.set(real_now)
        _sync(colleague)
        moved = cadence.due_on("small_shop", "normal", later.date(), settings.cadence())
        for device in (colleague, inspector, supervisor):
            _sync(device)
            assert _due(device, "DM-0002") == (later.date(), moved), device.home.name

    with server_db.current().connection_context():
        stamp = ServerVenue.get_by_id(seed.venues["DM-0002"]).last_inspected_at
    held = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(CHINA)
    assert held.date() == later.date()


def test_an_older_server_database_gets_the_column_filled_from_its_inspections(
    make_device, seed, live_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    with china_clock(monkeypatch) as clock:
        real_now = dt.datetime.now(CHINA)
        inspector = make_device("inspector").enroll("p-insp")
        load_checklists()
        clock.set(real_now)
        _sync(inspector)
        inspect(clock, seed.venues["DM-0001"], real_now - dt.timedelta(days=3))
        clock.set(real_now)
        _sync(inspector)
    live_server.stop()
    db = server_db.current()
    with db.connection_context():
        expected = ServerVenue.get_by_id(seed.venues["DM-0001"]).last_inspected_at
        assert expected is not None
        db.execute_sql("ALTER TABLE venue DROP COLUMN last_inspected_at")
    forget_schema()
    server_db.init_schema()  # as the server does when it starts
    with db.connection_context():
        assert ServerVenue.get_by_id(seed.venues["DM-0001"]).last_inspected_at == expected
        assert ServerVenue.get_by_id(seed.venues["DM-0002"]).last_inspected_at is None
