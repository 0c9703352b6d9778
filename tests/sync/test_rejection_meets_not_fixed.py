"""A supervisor rejects a fix report (复查不通过, with a new deadline) while the inspector,
offline, records 未整改 for the same report. Both say the re-check failed, so whichever
reaches the server second is no conflict: the hazard is open on both devices and the
server, with the supervisor's new deadline, not the old one shown 逾期."""

from __future__ import annotations

import datetime as dt

from sync_world import reported_hazard

from fieldapp.domain import clock
from fieldapp.domain import findings as machine
from fieldapp.services.inspection import findings as field_findings
from fieldapp.store.models import Finding
from sync.server import db as server_db
from sync.server.models import Finding as ServerFinding
from sync.server.models import FindingEvent as ServerEvent


def test_a_rejection_after_a_not_fixed_still_sets_its_new_deadline(make_device, seed) -> None:
    inspector, finding_id, _, _ = reported_hazard(make_device, seed.venues["DM-0002"])
    supervisor = make_device("sup").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok

    inspector.open()  # offline: the re-inspection finds it not fixed
    field_findings.report_rectification(finding_id, fixed=False, note="仍未整改", photos=[])
    supervisor.open()
    new_deadline = clock.today() + dt.timedelta(days=14)
    field_findings.append_event(
        finding_id, "rejected", note="灭火器仍不足", data={"deadline": new_deadline.isoformat()}
    )
    inspector.open()
    with inspector.client() as client:  # the 未整改 reaches the server first
        assert client.sync_once().ok
    supervisor.open()
    with supervisor.client() as client:
        result = client.sync_once()
    assert result.ok and not result.conflicts

    with server_db.current().connection_context():
        stored = ServerFinding.get_by_id(finding_id)
        flagged = [e.id for e in ServerEvent.select().where(ServerEvent.finding == finding_id)
                   if e.conflict]  # fmt: skip
        assert (stored.state, stored.conflict, flagged) == (machine.OPEN, False, [])
        assert stored.current_deadline == new_deadline.isoformat()
    for device in (supervisor, inspector):
        device.open()
        with device.client() as client:
            assert client.sync_once().ok
        local = Finding.get_by_id(finding_id)
        assert (local.state, local.current_deadline, local.conflict) == (
            machine.OPEN, new_deadline, False
        )  # fmt: skip
