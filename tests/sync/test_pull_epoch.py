"""Pull paging, the cursor, server order, revocation and a restored server (inv. 2, 3, 6)."""

from __future__ import annotations

import pytest
from sync_world import (
    backup_database,
    event,
    finding_event,
    inspection_submit,
    restore_database,
    server_count,
)

from fieldapp.store.db import db
from fieldapp.store.models import (
    Finding,
    FindingEvent,
    Grid,
    Inspection,
    Outbox,
    Person,
    PersonGrid,
    SyncState,
    Venue,
)
from sync.client import DeviceNotEnrolled
from sync.server import admin, auth
from sync.server import db as server_db
from sync.server.models import ChangeLog
from sync.server.models import Inspection as ServerInspection


def test_pull_pages_commit_with_their_cursor_and_see_only_own_grids(make_device, seed):
    device = make_device("a").enroll("p-insp")
    pages: list[tuple[int, str]] = []

    def progress(phase, done, total):
        if phase == "pull":  # called after each page's transaction committed
            pages.append((done, SyncState.get_by_id(1).pull_cursor))

    with device.client(page_size=2) as client:
        result = client.sync_once(progress)
    assert result.ok, result
    assert len(pages) >= 3  # several pages of two
    cursors = [int(c) for _, c in pages]
    assert cursors == sorted(cursors)
    # V1 and its area, plus the ancestor town (for names); never the sibling village V2.
    assert {g.code for g in Grid.select()} == {"T1", "V1", "A1"}
    assert {v.code for v in Venue.select()} == {"DM-0001", "DM-0002"}
    assert {p.id for p in Person.select()} == {"p-insp", "p-sup2"}
    assert {(link.person_id, link.grid_code) for link in PersonGrid.select()} == {
        ("p-insp", "V1"),
        ("p-sup2", "V1"),
    }
    # The pages committed without an fsync each (they can be pulled again); what the
    # person does next on this device is fsynced again.
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    with device.client(page_size=2) as client:
        again = client.sync_once()
    assert again.pulled == 0
    assert (
        SyncState.get_by_id(1).pull_cursor == cursors[-1].__str__()
        or int(SyncState.get_by_id(1).pull_cursor) >= cursors[-1]
    )


def test_supervisors_get_inspections_and_findings_of_their_grids(make_device, seed):
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp", findings=2)
    inspector.enqueue("inspection.submit", submit)
    with inspector.client() as client:
        assert client.sync_once().ok
    assert Inspection.select().count() == 0  # inspections go to supervisors only

    boss = make_device("boss").enroll("p-sup")
    with boss.client() as client:
        assert client.sync_once().ok
    pulled = Inspection.get_by_id(submit["inspection"]["id"])
    assert pulled.status == "submitted" and pulled.inspector_id == "p-insp"
    assert {a.item_code for a in pulled.answers} == {"COM-01", "COM-02"}
    assert Finding.select().count() == 2
    assert {f.state for f in Finding.select()} == {"open"}
    assert FindingEvent.select().where(FindingEvent.server_seq.is_null()).count() == 0
    assert {v.code for v in Venue.select()} == {"DM-0001", "DM-0002", "YM-0001"}


def test_a_device_clock_a_year_off_changes_nothing(make_device, seed):
    """Server order decides: the supervisor's later push lands after the report, even
    though the inspector's clock is a year ahead and the supervisor's a year behind."""
    inspector = make_device("insp").enroll("p-insp")
    future = "2027-06-10T03:00:00.000Z"
    submit = inspection_submit(seed.venues["DM-0002"], "p-insp", at=future)
    finding = submit["findings"][0]
    reported = event("rectification_reported", "p-insp", base=None, at=future)
    inspector.enqueue("inspection.submit", submit)
    inspector.enqueue("finding.event", finding_event(finding["id"], reported))
    with inspector.client() as client:
        assert client.sync_once().ok

    boss = make_device("boss").enroll("p-sup")
    past = "2025-06-10T03:00:00.000Z"
    boss.enqueue(
        "finding.event",
        finding_event(finding["id"], event("verified", "p-sup", base=reported["id"], at=past)),
    )
    with boss.client() as client:
        result = client.sync_once()
    assert result.ok and not result.conflicts
    with server_db.current().connection_context():
        from sync.server.models import Finding as ServerFinding
        from sync.server.models import FindingEvent as ServerEvent

        assert ServerFinding.get_by_id(finding["id"]).state == "closed"
        order = [e.type for e in ServerEvent.select().order_by(ServerEvent.server_order)]
        assert order == ["opened", "rectification_reported", "verified"]
        seqs = [
            c.record_id
            for c in ChangeLog.select()
            .where(ChangeLog.type == "finding.event")
            .order_by(ChangeLog.seq)
        ]
        assert seqs.index(reported["id"]) < len(seqs) - 1  # the verify came later in the feed
    assert Finding.get_by_id(finding["id"]).state == "closed"


def test_a_revoked_device_is_refused_on_its_next_call(make_device, seed):
    device = make_device("a").enroll("p-insp")
    with device.client() as client:
        assert client.sync_once().ok
    with server_db.current().connection_context():
        assert auth.revoke(device.device_id)
        assert [d.revoked for d in admin.list_devices()] == [True]
    device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    with device.client() as client, pytest.raises(DeviceNotEnrolled, match="enrolled again"):
        client.sync_once()
    assert "revoked" in SyncState.get_by_id(1).last_error
    assert Outbox.get().state == "pending"  # nothing lost: it waits for a new enrolment


def test_a_restored_server_makes_the_device_re_push_and_re_pull(make_device, seed, live_server):
    device = make_device("a").enroll("p-insp")
    venue = seed.venues["DM-0001"]
    before = [
        device.enqueue("inspection.submit", inspection_submit(venue, "p-insp")) for _ in range(2)
    ]
    with device.client() as client:
        assert client.sync_once().ok
    old_epoch = SyncState.get_by_id(1).server_epoch

    live_server.stop()
    backup_database(live_server.db_url)  # last night's backup
    live_server.start()

    after = [
        device.enqueue("inspection.submit", inspection_submit(venue, "p-insp")) for _ in range(3)
    ]
    with device.client() as client:
        assert client.sync_once().ok
    assert server_count(ServerInspection) == 5

    # The disk dies; the administrator restores the backup and starts a new epoch.
    live_server.stop()
    restore_database(live_server.db_url)
    new_epoch = server_db.new_epoch()
    live_server.start()
    assert server_count(ServerInspection) == 2

    with device.client() as client:
        result = client.sync_once()
    assert result.ok, result
    assert result.new_epoch
    assert SyncState.get_by_id(1).server_epoch == new_epoch != old_epoch
    assert result.pushed == 5  # everything not rejected went again; 2 were duplicates
    assert server_count(ServerInspection) == 5
    assert len(device.outbox()) == 5 and {r.state for r in device.outbox().values()} == {"acked"}
    assert result.pulled > 0  # the cursor was reset and the feed read again
    assert set(before + after) == set(device.outbox())


def test_a_cursor_beyond_any_feed_seq_is_refused_not_a_server_error(make_device, live_server):
    import httpx

    device = make_device("a").enroll("p-insp")
    answer = httpx.get(
        f"{live_server.url}/api/v1/pull",
        params={"cursor": "9" * 20},
        headers={"Authorization": f"Bearer {device.token}"},
    )
    assert answer.status_code == 400 and answer.json()["error"] == "bad_cursor"
