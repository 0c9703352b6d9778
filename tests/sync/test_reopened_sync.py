"""A "fixed" taken back at a re-inspection reaches the server: the device appends
`reopened` after its `rectification_reported` (never deletes the report), and the real
server on loopback folds the hazard back to open, whether the report was pushed before the
correction or both go in one push; each op is applied once."""

from __future__ import annotations

import pytest
from sync_world import inspection_submit

from fieldapp.services.inspection import findings
from fieldapp.store.models import Finding as LocalFinding
from fieldapp.store.models import Outbox
from sync.server import db as server_db
from sync.server.models import Finding, FindingEvent


@pytest.mark.parametrize("synced_between", [True, False], ids=["report-sent", "report-unsent"])
def test_a_fixed_taken_back_leaves_the_hazard_open_on_the_server(
    make_device, seed, synced_between: bool
) -> None:
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    finding_id = submit["findings"][0]["id"]
    inspector.enqueue("inspection.submit", submit)
    with inspector.client() as client:
        assert client.sync_once().ok
    assert LocalFinding.get_by_id(finding_id).state == "open"  # pulled back

    findings.report_rectification(finding_id, fixed=True, note="", photos=[])
    if synced_between:  # a background sync ran between the two answers
        with inspector.client() as client:
            assert client.sync_once().ok
    inspector.open()
    findings.report_rectification(finding_id, fixed=False, note="仍有堆物", photos=[])
    assert LocalFinding.get_by_id(finding_id).state == "open"
    with inspector.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected and not result.conflicts

    with server_db.current().connection_context():
        events = list(
            FindingEvent.select()
            .where(FindingEvent.finding == finding_id)
            .order_by(FindingEvent.server_order)
        )
        assert [e.type for e in events] == ["opened", "rectification_reported", "reopened"]
        assert not any(e.conflict for e in events)
        stored = Finding.get_by_id(finding_id)
        assert (stored.state, stored.conflict) == ("open", False)
    inspector.open()
    assert [op.state for op in Outbox.select().order_by(Outbox.seq)] == ["acked"] * 3
    local = LocalFinding.get_by_id(finding_id)
    assert (local.state, local.conflict) == ("open", False)
