"""A pushed inspection moves its venue's last inspection forward and sends the venue out
again: whole, as the server holds it, with its attributes and coordinates."""

from __future__ import annotations

import json

from sync.server import db as server_db
from sync.server.models import ChangeLog, Venue
from sync.server.records import venue_change


def test_a_pushed_inspection_sends_its_venue_out_again_whole(api, seed):
    venue_id = seed.venues["DM-0001"]
    with server_db.current().connection_context():
        Venue.update(
            attributes={"rooms": 12, "has_gas": True}, lat=26.08, lon=119.3, phone="0591-1234"
        ).where(Venue.id == venue_id).execute()
    submit = api.inspection(at="2026-06-10T02:00:00.000Z")
    assert [r["status"] for r in api.answers([api.op("inspection.submit", submit)])] == ["applied"]
    with server_db.current().connection_context():
        sent = (
            ChangeLog.select()
            .where((ChangeLog.type == "venue") & (ChangeLog.record_id == venue_id))
            .order_by(ChangeLog.seq.desc())
            .first()
        )
        held = venue_change(Venue.get_by_id(venue_id)).record
    assert sent is not None and json.loads(sent.payload) == held
    assert held["last_inspected_at"] == "2026-06-10T02:00:00.000Z"
    assert (held["attributes"], held["lat"], held["phone"]) == (
        {"rooms": 12, "has_gas": True},
        26.08,
        "0591-1234",
    )
