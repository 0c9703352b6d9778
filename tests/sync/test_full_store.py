"""A device whose store cannot grow (its disk is full) in the middle of a sync, against a
real server: SQLite's own "database or disk is full" (the store capped at its present size
with `max_page_count`, the error SQLite raises when the disk runs out). The sync ends
saying the device's store could not be written and what to do; nothing it sent or was
sent is lost, and once there is room the next sync brings everything."""

from __future__ import annotations

from sync_world import inspection_submit, server_count

from fieldapp.services.syncing.runs import sync_status
from fieldapp.store import db
from fieldapp.store.models import Venue
from sync.server import db as server_db
from sync.server import venue_import
from sync.server.models import Inspection


def _cap_store_at_its_size() -> None:
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages}")


def _more_venues(workdir, count: int) -> None:  # noqa: ANN001
    sheet = workdir / "more-venues.csv"
    rows = [
        f"DM-{n:04d},鼎美村·第{n}号小店(示例),small_shop,A1,鼎美村{n}号"
        for n in range(10, count + 10)
    ]
    sheet.write_text("code,name,kind,grid,address\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with server_db.current().connection_context():
        venue_import.import_venues(sheet)


def test_a_store_that_cannot_grow_mid_sync_is_said_so_and_loses_nothing(
    make_device, seed, server_workdir
):
    _more_venues(server_workdir, 400)  # a pull that needs room
    device = make_device("a").enroll("p-insp")
    op = device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    with device.client() as client:
        _cap_store_at_its_size()  # (a setting of the connection the client opened)
        full = client.sync_once()
    assert len(full.errors) == 1, full.errors
    error = full.errors[0]
    assert error == (
        "could not write to this device's store (database or disk is full): "
        "free space on this device's disk, then sync again; nothing is lost"
    )
    assert full.retry_in is None  # not a network fault: trying again in seconds won't help
    assert sync_status().last_error == error and sync_status().last_sync_at is None
    in_scope = 402  # the 400 added and DM-0001/2 (YM-0001 is another village's)
    assert Venue.select().count() < in_scope  # the pull stopped short
    assert device.outbox()[op].state in ("acked", "pending")  # sent, or still to send

    with device.client() as client:  # room again (a new connection is not capped)
        again = client.sync_once()
    assert again.ok, again.errors
    assert device.outbox()[op].state == "acked"
    assert server_count(Inspection) == 1  # applied once, however the first sync ended
    assert Venue.select().count() == in_scope
    assert sync_status().last_error == "" and sync_status().last_sync_at
