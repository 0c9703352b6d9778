"""A record the server refused to create does not pass for a real one on the device: an
inspection of a venue outside the inspector's grids is marked refused, its venue is due
again; once the administrator assigns the grid, sending it again gets it accepted."""

from __future__ import annotations

from unittest.mock import ANY

from incident_time_support import incident_at
from sync_world import Device, inspection_submit
from test_inspection_review import _inspect
from test_scope_change import _assign

from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.services.common import refused_records
from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.daily_report.day_reports import day_reports
from fieldapp.services.daily_report.status import report_status
from fieldapp.services.incidents import reporting
from fieldapp.services.incidents.mine import my_incident_rows
from fieldapp.services.inspection import history
from fieldapp.services.syncing.runs import after_sync
from fieldapp.store.models import Inspection, Outbox, Venue
from fieldapp.store.refused_records import HELD_BY_SERVER, refused_ops
from sync.client import SyncResult
from sync.protocol import refusals
from sync.server import db as server_db
from sync.server.incident_models import Incident as ServerIncident
from sync.server.models import Inspection as ServerInspection


def _sync(device: Device) -> SyncResult:
    with device.client() as client:
        result = client.sync_once()
    after_sync(result)  # as the app and `fieldapp sync` do
    return result


def _on_server(inspection_id: str) -> bool:
    with server_db.current().connection_context():
        return ServerInspection.get_or_none(ServerInspection.id == inspection_id) is not None


def _refused_inspection(make_device, seed, server_workdir) -> tuple[Device, str, str]:  # type: ignore[no-untyped-def]
    """An inspection of YM-0001 (grid V2) made after V2 was taken from its inspector, and
    synced: (device, venue id, inspection id)."""
    _assign(server_workdir, "V1;V2")
    device = make_device("a").enroll("p-insp")
    assert _sync(device).ok  # the venues of V1 and V2, the checklists
    clear_cache()
    assert load_checklists().ok
    venue_id = seed.venues["YM-0001"]
    assert Venue.get_by_id(venue_id).due_on is None  # never inspected: due

    _assign(server_workdir, "V1")  # V2 is taken away; the device has not heard yet
    inspection_id = _inspect(venue_id)
    assert Venue.get_by_id(venue_id).due_on > today()  # done, as far as the device knows
    result = _sync(device)
    assert [r.code for r in result.rejected] == ["outside_grid"]
    assert not _on_server(inspection_id)
    return device, venue_id, inspection_id


def test_a_refused_inspection_is_not_done_until_sent_again_and_accepted(
    make_device, seed, server_workdir
):
    device, venue_id, inspection_id = _refused_inspection(make_device, seed, server_workdir)

    # The venue is due again; its history marks the inspection refused, saying why.
    venue = Venue.get_by_id(venue_id)
    assert venue.last_inspected_on is None and venue.due_on is None
    assert Inspection.get_by_id(inspection_id).status == "refused"
    [past] = history.venue_inspections(venue_id)
    assert past.refusal is not None and "芸美村" in past.refusal.why
    assert history.inspection_record(inspection_id).refusal == past.refusal

    _assign(server_workdir, "V1;V2")  # the administrator assigns the grid again
    refused_records.send_again(past.refusal.seq)
    assert Outbox.get(Outbox.seq == past.refusal.seq).state == "pending"
    assert Venue.get_by_id(venue_id).due_on > today()  # done again, waiting to be sent
    result = _sync(device)
    assert result.ok, result
    assert _on_server(inspection_id)
    [past] = history.venue_inspections(venue_id)
    assert past.refusal is None
    assert Inspection.get_by_id(inspection_id).status == "submitted"
    assert Venue.get_by_id(venue_id).last_inspected_on == today()
    assert Venue.get_by_id(venue_id).due_on > today()


def test_a_discarded_refused_inspection_leaves_only_its_op(make_device, seed, server_workdir):
    device, venue_id, inspection_id = _refused_inspection(make_device, seed, server_workdir)
    [past] = history.venue_inspections(venue_id)
    assert past.refusal is not None
    refused_records.discard(past.refusal.seq)
    assert Inspection.get_or_none(Inspection.id == inspection_id) is None
    assert Outbox.get(Outbox.seq == past.refusal.seq).state == "discarded"
    assert history.venue_inspections(venue_id) == []
    assert Venue.get_by_id(venue_id).due_on is None  # still due
    assert _sync(device).ok  # nothing left to send, nothing refused


def test_an_inspection_the_server_holds_already_is_not_marked_refused(make_device, seed):
    """A second op for an inspection on record (already_submitted) refuses the op, not
    the inspection: it is on record at the office."""
    assert refusals.ALREADY_SUBMITTED in HELD_BY_SERVER
    device = make_device("a").enroll("p-insp")
    sent = inspection_submit(seed.venues["DM-0001"], "p-insp")
    device.enqueue("inspection.submit", sent)
    again = device.enqueue("inspection.submit", {**sent, "answers": sent["answers"][:1]})
    with device.client() as client:
        client.sync_once()
    assert device.outbox()[again].refusal_code == refusals.ALREADY_SUBMITTED
    assert refused_ops("inspection.submit") == {}
    assert refused_records.inspection_refusals([sent["inspection"]["id"]]) == {}


def test_a_refused_incident_is_sent_again_once_the_grid_is_assigned(
    make_device, seed, server_workdir
):
    _assign(server_workdir, "V1;V2")
    device = make_device("a").enroll("p-insp")
    assert _sync(device).ok
    _assign(server_workdir, "V1")  # V2 is taken away; the device has not heard yet
    made = reporting.IncidentReport(
        "fireworks_sale", incident_at(), "有人燃放烟花", address="芸美村祠堂", grid_code="V2"
    )
    incident_id = reporting.report_incident(made).id
    result = _sync(device)
    assert [r.code for r in result.rejected] == ["outside_grid"]
    [row] = my_incident_rows(limit=10)[0]
    assert row.refusal is not None and "芸美村" in row.refusal.why

    _assign(server_workdir, "V1;V2")
    refused_records.send_again(row.refusal.seq)
    assert _sync(device).ok
    with server_db.current().connection_context():
        assert ServerIncident.get_or_none(ServerIncident.id == incident_id) is not None
    [row] = my_incident_rows(limit=10)[0]
    assert row.refusal is None


def test_a_daily_report_the_server_refused_is_not_the_grids_report(
    make_device, seed, server_workdir
):
    """The inspector's F8 agrees with the supervisor: a refused report is no report, the
    grid reads "refused by server", and filing again (once allowed) stands."""
    _assign(server_workdir, "V1;V2")
    device = make_device("a").enroll("p-insp")
    assert _sync(device).ok
    _assign(server_workdir, "V1")  # V2 is taken away; the device has not heard yet
    report = daily_reports.file_report("V2", remarks="今日无异常")
    assert day_reports(["V2"], today(), today())[("V2", today())].report_id == report.id
    result = _sync(device)
    assert [r.code for r in result.rejected] == ["outside_grid"]
    assert refused_ops("daily_report.submit") == {report.id: ANY}

    assert day_reports(["V2"], today(), today()) == {}
    assert daily_reports.report_for("V2") is None
    [status] = [s for s in report_status(grids=["V2"]) if s.code == "V2"]
    assert not status.filed and status.state == "refused"
    assert t("report.status.refused") == "服务器拒收"

    _assign(server_workdir, "V1;V2")
    assert _sync(device).ok  # the device hears V2 is its own again
    again = daily_reports.file_report("V2", remarks="重新上报")
    assert _sync(device).ok
    [status] = [s for s in report_status(grids=["V2"]) if s.code == "V2"]
    assert status.report_id == again.id and status.state in ("filed", "filed_late")
