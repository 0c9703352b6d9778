"""A pulled venue the device already holds: left alone when nothing changed (a demo's first
pull sends again every venue the device holds), updated and searchable when it did."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.services.inspection.venues import search
from fieldapp.store.db import db
from fieldapp.store.models import Venue
from sync.client.apply import PageApplier
from sync.protocol import Change


def _record(venue: Venue, **changed: Any) -> dict[str, Any]:
    """The venue as the server's feed sends it (sync.server.records.venue_change)."""
    last = venue.last_inspected_on
    record = {
        "id": venue.id, "code": venue.code, "name": venue.name, "kind": venue.kind,
        "address": venue.address, "grid": venue.grid_code, "contact": venue.contact,
        "phone": venue.phone, "risk_level": venue.risk_level,
        "placard_key_id": venue.placard_key_id, "updated_at": venue.updated_at,
        "lat": venue.lat, "lon": venue.lon, "attributes": venue.attributes,
        "last_inspected_at": f"{last.isoformat()}T01:30:00.000Z" if last else None,
    }  # fmt: skip
    return record | changed


def _pull(*records: dict[str, Any]) -> list[str]:
    changes = [Change(seq=n + 1, type="venue", id=r["id"], record=r) for n, r in enumerate(records)]
    applier = PageApplier(changes)
    with db.atomic():
        applier.apply()
    return applier.warnings


def test_a_held_venue_pulled_again_unchanged_is_left_as_it_is(demo_info: DemoInfo) -> None:
    # Venues whose last inspection the server gave (a demo's own, still to be sent, would
    # tell the device the server's date for the first time).
    held = Venue.select().where(Venue.server_inspected_on == Venue.last_inspected_on)
    venues = list(held.limit(50))
    before = db.connection().total_changes
    assert _pull(*[_record(v) for v in venues]) == []
    assert db.connection().total_changes == before  # no row, no search-index entry rewritten
    assert [hit.id for hit in search(venues[0].code)][:1] == [venues[0].id]


def test_a_held_venue_that_changed_is_updated_and_found_by_its_new_name(
    demo_info: DemoInfo,
) -> None:
    venue = Venue.select().where(Venue.last_inspected_on.is_null(False)).first()
    older = venue.last_inspected_on - dt.timedelta(days=30)
    renamed = _record(
        venue, name="示例镇·新改名超市(示例)", updated_at="2099-01-01T00:00:00.000Z",
        last_inspected_at=f"{older.isoformat()}T01:30:00.000Z",
    )  # fmt: skip
    assert _pull(renamed) == []
    held = Venue.get_by_id(venue.id)
    assert held.name == "示例镇·新改名超市(示例)"
    assert held.last_inspected_on == venue.last_inspected_on  # never moved back
    assert [hit.id for hit in search("新改名超市")] == [venue.id]
    assert venue.id not in [hit.id for hit in search(venue.name)]


def test_a_pulled_venue_is_found_by_the_pinyin_of_its_new_name(demo_info: DemoInfo) -> None:
    venue = Venue.select().first()
    renamed = _record(venue, name="示例镇·东方红超市(示例)", updated_at="2099-01-01T00:00:00.000Z")
    assert _pull(renamed) == []
    assert [hit.id for hit in search("dongfanghong")] == [venue.id]
    assert [hit.id for hit in search("dfhcs")] == [venue.id]
