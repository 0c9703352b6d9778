"""One fold order everywhere (issue 5, invariants 3 and 5): two real supervisor devices
decide the same report concurrently; after both sync, both devices and the server show
the same state and the same conflict — decided by the server's order, not device clocks.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sync_world import reported_hazard

from fieldapp.domain import clock
from fieldapp.domain import findings as machine
from fieldapp.services.inspection import findings as field_findings
from fieldapp.store.models import Finding, FindingEvent
from sync.server import db as server_db
from sync.server.findings import fold_events
from sync.server.models import Finding as ServerFinding
from sync.server.models import FindingEvent as ServerEvent


def _device_view(finding_id: str) -> tuple[str, tuple[str, ...], list[tuple[str, str]], dict]:
    folded = field_findings.fold_of(finding_id)
    seqs = {e.id: e.server_seq for e in FindingEvent.select()}
    cached = Finding.get_by_id(finding_id).state
    assert cached == folded.state  # the cached state is the fold
    return folded.state, folded.order, [(c.event_id, c.state) for c in folded.conflicts], seqs


def _server_view(finding_id: str) -> tuple[str, tuple[str, ...], list[tuple[str, str]], dict]:
    with server_db.current().connection_context():
        events = list(ServerEvent.select().where(ServerEvent.finding == finding_id))
        folded = fold_events(events)
        stored = ServerFinding.get_by_id(finding_id)
        flagged = {e.id for e in events if e.conflict}
        seqs = {e.id: e.server_order for e in events}
    assert stored.state == folded.state
    assert flagged == {c.event_id for c in folded.conflicts}  # judged once, on arrival
    return folded.state, folded.order, [(c.event_id, c.state) for c in folded.conflicts], seqs


def test_concurrent_verify_and_reject_fold_alike_on_both_devices_and_the_server(
    make_device, seed, monkeypatch: pytest.MonkeyPatch
):
    _, finding_id, opened_id, report = reported_hazard(make_device, seed.venues["DM-0002"])

    one = make_device("sup1").enroll("p-sup")
    with one.client() as client:
        assert client.sync_once().ok
    two = make_device("sup2").enroll("p-sup2")
    with two.client() as client:
        assert client.sync_once().ok

    real_now = clock._now
    # sup2 rejects with a clock an hour behind; sup1 verifies with the right time.
    monkeypatch.setattr(clock, "_now", lambda: real_now() - dt.timedelta(hours=1))
    two.open()
    new_deadline = (clock.today() + dt.timedelta(days=14)).isoformat()
    rejected = field_findings.append_event(finding_id, "rejected", data={"deadline": new_deadline})
    assert Finding.get_by_id(finding_id).state == machine.OPEN  # its own view, before sync
    monkeypatch.setattr(clock, "_now", real_now)
    one.open()
    verified = field_findings.append_event(finding_id, "verified")
    assert Finding.get_by_id(finding_id).state == machine.CLOSED
    assert rejected.at < verified.at  # by device clocks the reject came first

    # sup1 reaches the server first: by the server's order the verify wins.
    with one.client() as client:
        first = client.sync_once()
    assert first.ok and not first.conflicts
    assert FindingEvent.get_by_id(verified.id).server_seq == 2  # from the push answer
    with two.client() as client:
        second = client.sync_once()
    assert second.ok and len(second.conflicts) == 1
    view_two = _device_view(finding_id)
    with one.client() as client:
        assert client.sync_once().ok
    view_one = _device_view(finding_id)
    view_server = _server_view(finding_id)

    expected_order = (opened_id, report["id"], verified.id, rejected.id)
    assert view_server[0] == machine.CLOSED
    assert view_server[1] == expected_order
    assert view_server[2] == [(rejected.id, machine.CLOSED)]
    assert view_one == view_two == view_server
    assert Finding.get_by_id(finding_id).conflict  # shown to the people involved
