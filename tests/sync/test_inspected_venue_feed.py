"""A pushed inspection moves its venue's last inspection forward and sends the venue out
again: whole, as the server holds it, with its attributes and coordinates."""

from __future__ import annotations

import json

import pytest

from sync.server import db as server_db
from sync.server.models import ChangeLog, Venue
from sync.server.records import move_venues_postgres, venue_change


def _sent_as_held(venue_id: str) -> dict:
    """The venue's record as the server holds it, checked to be the feed's last entry of it."""
    with server_db.current().connection_context():
        sent = (
            ChangeLog.select()
            .where((ChangeLog.type == "venue") & (ChangeLog.record_id == venue_id))
            .order_by(ChangeLog.seq.desc())
            .first()
        )
        held = venue_change(Venue.get_by_id(venue_id)).record
    assert sent is not None and json.loads(sent.payload) == held
    return held


def test_a_pushed_inspection_sends_its_venue_out_again_whole(api, seed):
    venue_id = seed.venues["DM-0001"]
    with server_db.current().connection_context():
        Venue.update(
            attributes={"rooms": 12, "has_gas": True}, lat=26.08, lon=119.3, phone="0591-1234"
        ).where(Venue.id == venue_id).execute()
    submit = api.inspection(at="2026-06-10T02:00:00.000Z")
    assert [r["status"] for r in api.answers([api.op("inspection.submit", submit)])] == ["applied"]
    held = _sent_as_held(venue_id)
    assert held["last_inspected_at"] == "2026-06-10T02:00:00.000Z"
    assert (held["attributes"], held["lat"], held["phone"]) == (
        {"rooms": 12, "has_gas": True},
        26.08,
        "0591-1234",
    )


def test_a_venue_moved_further_meanwhile_is_never_moved_back(seed, server_db_url):
    """On PostgreSQL a push moves its venues and reads them back in one statement: a venue
    another server moved further meanwhile keeps the later stamp, and its record says so;
    one not inspected yet takes the push's."""
    if not server_db.is_postgres():
        pytest.skip("one statement for the move and the read on PostgreSQL only")
    later, earlier = "2026-06-10T05:00:00.000Z", "2026-06-10T02:00:00.000Z"
    v1, v2 = sorted(seed.venues.values())[:2]
    with server_db.current().connection_context():
        Venue.update(last_inspected_at=later).where(Venue.id == v1).execute()
        records = move_venues_postgres({v1: earlier, v2: earlier})
        held = {v.id: v.last_inspected_at for v in Venue.select().where(Venue.id.in_([v1, v2]))}
        assert records == [venue_change(Venue.get_by_id(v)).record for v in (v1, v2)]
    assert held == {v1: later, v2: earlier}
    assert [r["last_inspected_at"] for r in records] == [later, earlier]


def test_a_venue_corrected_between_two_inspections_of_one_push_is_sent_as_corrected(api, seed):
    """A push's inspections hold their venues as read once; an op of another type between
    them may change a venue (here its attributes), and the venue sent out with the later
    inspection is the one the server holds, correction and all."""
    venue_id = seed.venues["DM-0001"]
    corrected = {"venue_id": venue_id, "attributes": {"rooms": 7}, "corrected_by": "p-insp",
                 "corrected_at": "2026-06-10T02:30:00.000Z"}  # fmt: skip
    ops = [
        api.op("inspection.submit", api.inspection(at="2026-06-10T02:00:00.000Z")),
        api.op("venue.attributes", corrected),
        api.op("inspection.submit", api.inspection(at="2026-06-10T03:00:00.000Z")),
    ]
    assert [r["status"] for r in api.answers(ops)] == ["applied"] * 3
    held = _sent_as_held(venue_id)
    assert (held["attributes"]["rooms"], held["last_inspected_at"]) == (
        7,
        "2026-06-10T03:00:00.000Z",
    )
