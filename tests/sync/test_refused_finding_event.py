"""A hazard event the server refused leaves the device's view of the hazard: a supervisor
whose grid the administrator removed extends a deadline on their device, the server
refuses the push (the venue's grid is not among theirs), and the device shows the
server's deadline again — in its store and on the review list and detail — also after
the grid is given back and pulled again. The refused op stays in the outbox, listed with
the event as entered. Grids: T1 > V1 > A1, T1 > V2; DM-0001 is in A1."""

from __future__ import annotations

import datetime as dt
import json

from incident_time_support import incident_at
from people_support import pin_the_synced_key
from pilot_support import settle
from sync_world import event, finding_event, inspection_submit

from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.services.incidents import queue
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.services.inspection import findings
from fieldapp.services.review.detail import finding_detail
from fieldapp.services.review.queues import ReviewFilters, review_queue
from fieldapp.services.syncing import refusals
from fieldapp.services.syncing.runs import after_sync
from fieldapp.store.incident_models import Incident, IncidentEvent
from fieldapp.store.models import Finding, FindingEvent, Outbox, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen
from sync.server import admin
from sync.server import db as server_db

SERVER_DEADLINE = dt.date(2026, 11, 20)  # overdue on the day the review list is read
READ_ON = dt.date(2026, 11, 25)


def _refused_deadline() -> dt.date:
    """A later deadline the device takes (not before today), which the server refuses."""
    return today() + dt.timedelta(days=20)


def _supervise(workdir, grids: str) -> None:
    """The administrator sets 赵六's (p-sup2) grids."""
    path = workdir / "people-sup2.csv"
    path.write_text(f"id,name,role,phone,grids\np-sup2,赵六,supervisor,,{grids}\n", "utf-8")
    with server_db.current().connection_context():
        admin.import_people(path)


def _a_hazard_with_a_deadline_the_server_extended(make_device, seed) -> str:
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    finding = submit["findings"][0]
    inspector.enqueue("inspection.submit", submit)
    extended = event(
        "deadline_extended", "p-sup", base=finding["events"][0]["id"], role="supervisor",
        data={"deadline": SERVER_DEADLINE.isoformat()},
    )  # fmt: skip
    with inspector.client() as client:
        assert client.sync_once().ok
    town = make_device("town").enroll("p-sup")  # 李四, T1
    town.enqueue("finding.event", finding_event(finding["id"], extended))
    with town.client() as client:
        assert client.sync_once().ok
    return str(finding["id"])


def _server_view_on_the_device(finding_id: str, *, in_my_grids: bool = True) -> None:
    row = Finding.get_by_id(finding_id)
    assert (row.state, row.current_deadline) == ("open", SERVER_DEADLINE)
    if in_my_grids:  # the review list holds only the hazards of the person's grids
        listed = {
            r.finding_id: r for r in review_queue(ReviewFilters(queue="overdue"), day=READ_ON)
        }
        assert (listed[finding_id].deadline, listed[finding_id].overdue) == (SERVER_DEADLINE, True)
    assert finding_detail(finding_id).state.deadline == SERVER_DEADLINE
    # The next extension starts from the server's date, built on the server's last event.
    assert findings.fold_of(finding_id).deadline == SERVER_DEADLINE


async def test_a_refused_deadline_extension_leaves_the_hazard_as_the_server_has_it(
    make_device, seed, server_workdir
):
    finding_id = _a_hazard_with_a_deadline_the_server_extended(make_device, seed)
    refused_deadline = _refused_deadline()
    village = make_device("village").enroll("p-sup2")  # 赵六, V1
    with village.client() as client:
        assert client.sync_once().ok
    venue_name = Venue.get(Venue.code == "DM-0001").name
    assert Finding.get_by_id(finding_id).current_deadline == SERVER_DEADLINE

    _supervise(server_workdir, "V2")  # the administrator takes V1 away
    findings.append_event(
        finding_id, "deadline_extended", data={"deadline": refused_deadline.isoformat()}
    )
    assert Finding.get_by_id(finding_id).current_deadline == refused_deadline  # until sent
    with village.client() as client:
        result = client.sync_once()
    assert [r.type for r in result.rejected] == ["finding.event"]
    assert "which is not among the grids of 赵六 (p-sup2)" in result.rejected[0].reason

    refused = Outbox.get(Outbox.type == "finding.event")
    assert refused.state == "rejected"  # kept for the record and listed on the sync screen
    entered = json.loads(refused.payload)["event"]
    assert entered["data"] == {"deadline": refused_deadline.isoformat()}
    assert FindingEvent.get_or_none(FindingEvent.id == entered["id"]) is None
    [listed] = refusals.outstanding()  # the sync screen's list says what was entered
    assert listed.what.endswith(f"DM-0001 {venue_name} {t('review.event.deadline_extended')}"
                                f" → {refused_deadline.isoformat()}")  # fmt: skip
    _server_view_on_the_device(finding_id, in_my_grids=False)  # V1 is no longer theirs

    _supervise(server_workdir, "V1")  # and gives it back: the pull still agrees
    with village.client() as client:
        result = client.sync_once()
    assert result.ok
    after_sync(result)
    _server_view_on_the_device(finding_id)

    pin_the_synced_key()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        app.screen.set_filters(ReviewFilters(queue="all"))
        await settle(app, pilot, rounds=2)
        text = "\n".join(s.text for s in app.screen._compositor.render_strips())
    assert "DM-0001" in text, text
    assert "2026-11-20" in text and refused_deadline.isoformat() not in text, text


def test_an_event_refused_before_the_upgrade_is_set_aside_at_the_next_sync(
    make_device, seed, server_workdir
):
    """A device that kept a refused event folded in (before this fix) shows the server's
    state again after its next sync."""
    finding_id = _a_hazard_with_a_deadline_the_server_extended(make_device, seed)
    refused_deadline = _refused_deadline()
    village = make_device("village").enroll("p-sup2")
    with village.client() as client:
        assert client.sync_once().ok
    findings.append_event(
        finding_id, "deadline_extended", data={"deadline": refused_deadline.isoformat()}
    )
    Outbox.update(state="rejected", last_error="refused earlier").where(
        Outbox.type == "finding.event"
    ).execute()  # as an older client left it: rejected, its event still folded in
    assert Finding.get_by_id(finding_id).current_deadline == refused_deadline
    with village.client() as client:
        assert client.sync_once().ok
    _server_view_on_the_device(finding_id)


def test_a_refused_incident_hand_over_leaves_the_incident_as_the_server_has_it(
    make_device, seed, server_workdir, monkeypatch
):
    """The same for an incident: a hand-over the server refused leaves the incident
    'reported' on the device, as the server has it; the reporter's own report (the op
    that opens the incident) is not set aside."""
    reporter = make_device("insp")
    monkeypatch.setenv("FIELDAPP_HOME", str(reporter.home))
    reporter.enroll("p-insp")
    with reporter.client() as client:
        client.pull()
    reported = report_incident(
        IncidentReport("fireworks_sale", incident_at(), "门口卖烟花", address="鼎美村口")
    )
    with reporter.client() as client:
        assert client.sync_once().ok
    village = make_device("village")
    monkeypatch.setenv("FIELDAPP_HOME", str(village.home))
    village.enroll("p-sup2")  # 赵六, V1
    with village.client() as client:
        assert client.sync_once().ok
    _supervise(server_workdir, "V2")
    handed = {"unit": "fire_brigade", "reference": "鼎综治移〔2026〕9号"}
    [done] = queue.bulk_apply([reported.id], "handed_over", data=handed)
    assert done.applied, done.reason
    assert Incident.get_by_id(reported.id).state == "handed_over"  # until sent
    with village.client() as client:
        result = client.sync_once()
    assert [r.type for r in result.rejected] == ["incident.event"]
    assert refusals.outstanding()[0].what.endswith(t("incident.event.handed_over"))
    assert Incident.get_by_id(reported.id).state == "reported"
    assert [
        e.type for e in IncidentEvent.select().where(IncidentEvent.incident == reported.id)
    ] == ["reported"]
