"""A batch of inspections is judged by the grids of the person its token is for: on
PostgreSQL the token and the batch's venues are read in one statement (issue 15), which
must say what the two reads said, revocation included, from the very next push."""

from __future__ import annotations

from typing import Any

from sync_world import InProcessDevice, Seed, inspection_submit, new_id

from sync.protocol import API_PREFIX
from sync.server import auth
from sync.server import db as server_db
from sync.server.models import Person


def _codes(device: InProcessDevice, venues: list[str]) -> list[str | None]:
    """Push one inspection a venue in one batch: each op's refusal code (None: applied)."""
    ops = [
        device.op("inspection.submit", inspection_submit(venue, device.person_id))
        for venue in venues
    ]
    return [None if r["status"] == "applied" else r["reason_code"] for r in device.answers(ops)]


def test_an_inspector_writes_the_venues_of_their_grids_and_below_only(
    api: InProcessDevice, seed: Seed
) -> None:
    venues = [seed.venues["DM-0001"], seed.venues["DM-0002"], seed.venues["YM-0001"], new_id()]
    # DM-0001 is in A1, under the inspector's V1; YM-0001 is in V2, another village.
    assert _codes(api, venues) == [None, None, "outside_grid", "unknown_venue"]


def test_a_town_supervisor_and_an_administrator_write_every_village(
    in_process_app: Any, seed: Seed
) -> None:
    with server_db.current().connection_context():
        Person.create(id="p-admin", name="管理员", role="admin")
    venues = [seed.venues["YM-0001"], seed.venues["DM-0001"], new_id()]
    for person in ("p-sup", "p-admin"):
        device = InProcessDevice(in_process_app, seed, person)
        assert _codes(device, venues) == [None, None, "unknown_venue"], person


def test_a_revoked_devices_next_batch_is_refused(api: InProcessDevice, seed: Seed) -> None:
    venues = [seed.venues["DM-0001"], seed.venues["DM-0002"]]
    assert _codes(api, venues) == [None, None]
    with server_db.current().connection_context():
        assert auth.revoke(api.device_id)
    ops = [api.op("inspection.submit", inspection_submit(v, "p-insp")) for v in venues]
    refused = api.push(ops)
    assert refused.status_code == 401
    assert refused.json()["error"] == "device_revoked"
    stranger = api.client.post(
        f"{API_PREFIX}/push",
        json={"device_id": api.device_id, "ops": ops},
        headers={"Authorization": "Bearer not-a-token-we-issued"},
    )
    assert stranger.status_code == 401
    assert stranger.json()["error"] == "not_enrolled"
