"""After a restore (new epoch) a device keeps no server numbers from the old epoch."""

from __future__ import annotations

import datetime as dt

from incident_time_support import incident_at
from sync_world import backup_database, event, finding_event, inspection_submit, restore_database

from fieldapp.domain import clock
from fieldapp.services.incidents import queue
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.incident_models import Incident, IncidentEvent
from fieldapp.store.models import Finding, FindingEvent, Venue
from sync.server import db as server_db


def _server_finding(finding_id: str) -> tuple[str, bool, dict[str, int]]:
    from sync.server.models import Finding as ServerFinding
    from sync.server.models import FindingEvent as ServerEvent

    with server_db.current().connection_context():
        row = ServerFinding.get_by_id(finding_id)
        seqs = {
            e.id: e.server_order for e in ServerEvent.select().where(ServerEvent.finding == row)
        }
        return row.state, row.conflict, seqs


def test_events_lost_in_a_restore_fold_last_until_the_server_numbers_them_again(
    make_device, seed, live_server
):
    inspector = make_device("insp").enroll("p-insp")
    boss = make_device("boss").enroll("p-sup")
    other_boss = make_device("sup2").enroll("p-sup2")

    inspector.open()
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    finding = submit["findings"][0]
    opened = finding["events"][0]["id"]
    inspector.enqueue("inspection.submit", submit)
    with inspector.client() as client:
        assert client.sync_once().ok

    live_server.stop()
    backup_database(live_server.db_url)  # last night's backup: the finding, only opened
    live_server.start()

    inspector.open()
    reported = event("rectification_reported", "p-insp", base=opened)
    inspector.enqueue("finding.event", finding_event(finding["id"], reported))
    with inspector.client() as client:
        assert client.sync_once().ok
    boss.open()
    with boss.client() as client:
        assert client.sync_once().ok
    assert FindingEvent.get_by_id(reported["id"]).server_seq == 1
    assert Finding.get_by_id(finding["id"]).state == "rectification_reported"

    # Restored: the report is lost, and the server gives number 1 to another event — a
    # verify by a supervisor who saw only the opened finding (a conflict from "open").
    live_server.stop()
    restore_database(live_server.db_url)
    server_db.new_epoch()
    live_server.start()
    other_boss.open()
    verified = event("verified", "p-sup2", base=opened, role="supervisor")
    other_boss.enqueue("finding.event", finding_event(finding["id"], verified))
    with other_boss.client() as client:
        assert client.sync_once().conflicts
    assert _server_finding(finding["id"])[2] == {opened: 0, verified["id"]: 1}

    boss.open()
    with boss.client() as client:
        result = client.sync_once()
    assert result.ok and result.new_epoch
    seqs = {e.id: e.server_seq for e in FindingEvent.select()}
    assert seqs == {opened: 0, verified["id"]: 1, reported["id"]: None}
    # Not the old number 1 beside the new one (which folded the report first and the
    # verify as valid, "closed"): the report the server lost folds last.
    local = Finding.get_by_id(finding["id"])
    assert (local.state, local.conflict) == ("rectification_reported", True)

    inspector.open()  # the inspector's device re-pushes the lost report
    with inspector.client() as client:
        again = client.sync_once()
    assert again.ok and again.new_epoch
    state, conflict, server_seqs = _server_finding(finding["id"])
    assert server_seqs == {opened: 0, verified["id"]: 1, reported["id"]: 2}
    assert FindingEvent.get_by_id(reported["id"]).server_seq == 2  # from the push answer

    boss.open()
    with boss.client() as client:
        assert client.sync_once().ok
    assert {e.id: e.server_seq for e in FindingEvent.select()} == server_seqs
    local = Finding.get_by_id(finding["id"])
    assert (local.state, local.conflict) == (state, conflict) == ("rectification_reported", True)


def test_a_finding_the_restore_lost_shows_what_its_events_give_in_their_own_order(
    make_device, seed, live_server
):
    """The restore lost the whole finding, so the new epoch's pull brings none of its
    events: the device still folds it again without the old numbers, rather than keep a
    state that the next unrelated refold would overturn."""
    inspector = make_device("insp").enroll("p-insp")
    boss = make_device("boss").enroll("p-sup")
    other_boss = make_device("sup2").enroll("p-sup2")
    live_server.stop()
    backup_database(live_server.db_url)  # last night's backup: before the finding
    live_server.start()

    inspector.open()
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    finding = submit["findings"][0]
    opened = finding["events"][0]["id"]
    inspector.enqueue("inspection.submit", submit)
    # The report is numbered first, the verify (written earlier, sent later) second.
    reported = event("rectification_reported", "p-insp", base=opened, at="2026-06-10T05:00:00.000Z")
    inspector.enqueue("finding.event", finding_event(finding["id"], reported))
    with inspector.client() as client:
        assert client.sync_once().ok
    other_boss.open()
    verified = event(
        "verified", "p-sup2", base=opened, role="supervisor", at="2026-06-10T04:00:00.000Z"
    )
    other_boss.enqueue("finding.event", finding_event(finding["id"], verified))
    with other_boss.client() as client:
        assert client.sync_once().ok
    boss.open()
    with boss.client() as client:
        assert client.sync_once().ok
    in_server_order = Finding.get_by_id(finding["id"])
    assert (in_server_order.state, in_server_order.conflict) == ("closed", False)

    live_server.stop()
    restore_database(live_server.db_url)
    server_db.new_epoch()
    live_server.start()
    boss.open()
    with boss.client() as client:
        result = client.sync_once()
    assert result.ok and result.new_epoch
    assert {e.server_seq for e in FindingEvent.select()} == {None}
    # In their own order (by time) the verify comes before the report and conflicts.
    local = Finding.get_by_id(finding["id"])
    assert (local.state, local.conflict) == ("rectification_reported", True)


def test_an_incident_the_restore_lost_shows_what_its_events_give_in_their_own_order(
    make_device, live_server, monkeypatch
):
    """Two supervisors assign one incident offline; the laptop whose clock runs an hour
    fast syncs first, so by the server's order the other's assignment stands. A restore
    then loses the whole incident: the town supervisor's device, which only pulled it,
    folds it again by the events' own times, where the fast laptop's assignment is last."""
    inspector = make_device("insp").enroll("p-insp")
    fast, slow = make_device("fast").enroll("p-sup"), make_device("slow").enroll("p-sup2")
    boss = make_device("boss").enroll("p-sup")
    live_server.stop()
    backup_database(live_server.db_url)  # last night's backup: before the incident
    live_server.start()

    inspector.open()
    with inspector.client() as client:
        assert client.sync_once().ok  # its venues
    incident = report_incident(
        IncidentReport(
            category="fireworks_sale",
            occurred_at=incident_at(),
            description="小卖部门口摆摊销售烟花爆竹",
            venue_id=Venue.get(Venue.code == "DM-0002").id,
        )
    )
    with inspector.client() as client:
        assert client.sync_once().ok
    real = clock.now()
    for laptop, hours, assignee in ((fast, 1, "p-insp"), (slow, -1, "p-insp2")):
        laptop.open()
        with laptop.client() as client:
            assert client.sync_once().ok  # the incident, reported
        monkeypatch.setattr(clock, "_now", lambda hours=hours: real + dt.timedelta(hours=hours))
        [done] = queue.bulk_apply([incident.id], "assigned", data={"person": assignee})
        assert done.applied, done.reason
    monkeypatch.setattr(clock, "_now", lambda: real)
    for laptop in (fast, slow, boss):
        laptop.open()
        with laptop.client() as client:
            assert client.sync_once().ok
    assert Incident.get_by_id(incident.id).assigned_to == "p-insp2"  # the server's order

    live_server.stop()
    restore_database(live_server.db_url)
    server_db.new_epoch()
    live_server.start()
    boss.open()
    with boss.client() as client:
        result = client.sync_once()
    assert result.ok and result.new_epoch
    assert {e.server_seq for e in IncidentEvent.select()} == {None}
    local = Incident.get_by_id(incident.id)
    assert (local.state, local.assigned_to) == ("assigned", "p-insp")
