"""Photos added to an incident after it was reported (`evidence_added`), end to end on a
real loopback server: the inspector's push whose answer is lost is sent again and
applied once; the supervisor's device pulls the event and the photo, once however often
it syncs; the same photo added on both devices before either syncs is listed and
counted once, and a photo the incident holds already is not added again; an event that
carries no photo is refused by the server with its code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from incident_time_support import incident_at
from PIL import Image
from sync_world import LiveServer, event
from test_incidents import _act_as, _pulled_inspector
from test_lost_ops import Network, answer_lost

from fieldapp.domain.incidents import EVIDENCE_ADDED
from fieldapp.services.incidents.added_photos import add_photos
from fieldapp.services.incidents.evidence import EvidenceError
from fieldapp.services.incidents.queue import rows_of
from fieldapp.services.incidents.record import incident_record
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.incident_models import Incident, IncidentEvent
from sync.server import db as server_db
from sync.server.incident_models import IncidentEvent as ServerIncidentEvent

pytestmark = pytest.mark.usefixtures("english")


def _server_added(incident_id: str) -> list[list[str]]:
    """The photos of each `evidence_added` event the server holds for the incident."""
    with server_db.current().connection_context():
        rows = ServerIncidentEvent.select().where(
            (ServerIncidentEvent.incident == incident_id)
            & (ServerIncidentEvent.type == EVIDENCE_ADDED)
        )
        return [list(row.photos) for row in rows]


def _added_here(incident_id: str) -> list[list[str]]:
    rows = IncidentEvent.select().where(
        (IncidentEvent.incident == incident_id) & (IncidentEvent.type == EVIDENCE_ADDED)
    )
    return [list(row.photos) for row in rows]


def test_a_photo_added_later_arrives_once_after_a_lost_answer_and_reaches_the_supervisor(
    make_device, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspector, supervisor = _pulled_inspector(make_device, monkeypatch), make_device("supervisor")
    incident = report_incident(
        IncidentReport("fireworks_sale", incident_at(), "门口卖烟花", address="鼎美村口")
    )
    with inspector.client() as client:
        assert client.sync_once().ok
    _act_as(supervisor, monkeypatch).enroll("p-sup")  # the supervisor has it, no photo yet
    with supervisor.client() as client:
        assert client.sync_once().ok

    # Ten minutes later, a photo of the stall; the push's answer is lost on the way back.
    _act_as(inspector, monkeypatch)
    photo = tmp_path / "摊位.png"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo)
    [sha] = add_photos(incident.id, [str(photo)]).photos
    network = Network()
    network.on_push = answer_lost
    with inspector.client(transport=network, max_retries=1) as client:
        lost = client.sync_once()
    assert lost.errors and lost.pending == 1
    assert _server_added(incident.id) == [[sha]]  # applied, though the device never heard
    network.on_push = None
    with inspector.client(transport=network) as client:
        again = client.sync_once()
    assert again.ok and again.pushed == 1, again  # answered as a duplicate
    assert _server_added(incident.id) == [[sha]]  # once
    assert (live_server.blob_dir / sha[:2] / sha).is_file()

    # The supervisor, sent the same photo by chat, adds it before its next sync: two
    # events, one photo; its device pulls the inspector's event and the photo once.
    _act_as(supervisor, monkeypatch)
    assert add_photos(incident.id, [str(photo)]).photos == [sha]
    for _ in range(2):
        with supervisor.client() as client:
            assert client.sync_once().ok
    assert _added_here(incident.id) == [[sha], [sha]]
    assert (supervisor.home / "blobs" / f"{sha}.jpg").is_file()
    shown = incident_record(incident.id).evidence
    assert [(f.kind, f.sha256, f.on_device) for f in shown] == [("photo", sha, True)]
    with pytest.raises(EvidenceError):  # now it holds the photo: adding it again is refused
        add_photos(incident.id, [str(photo)])

    _act_as(inspector, monkeypatch)
    with inspector.client() as client:
        assert client.sync_once().ok
    assert _added_here(incident.id) == [[sha], [sha]] == _server_added(incident.id)
    assert [f.sha256 for f in incident_record(incident.id).evidence] == [sha]
    assert [row.photos for row in rows_of([Incident.get_by_id(incident.id)])] == [1]


def test_evidence_added_without_a_photo_is_refused_by_the_server(
    make_device, live_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspector = _pulled_inspector(make_device, monkeypatch)
    incident = report_incident(
        IncidentReport("complaint", incident_at("07:00"), "噪音扰民", address="鼎美村口")
    )
    empty = {"incident_id": incident.id, "event": event(EVIDENCE_ADDED, "p-insp")}
    op = inspector.enqueue("incident.event", empty)
    with inspector.client() as client:
        client.sync_once()
    row = inspector.outbox()[op]
    assert (row.state, row.refusal_code) == ("rejected", "evidence_without_photo")
    assert "without a photo" in row.last_error
    assert _server_added(incident.id) == []
    assert json.loads(row.refusal_params or "{}") == {}
