"""A locked device syncs what holds no personal data and keeps its people for the PIN:
against a real server, an inspection recorded after a family still reaches the supervisor
while the app is locked; the family follows after the PIN, in the order it was written."""

from __future__ import annotations

from dataclasses import replace

import pytest
from incident_time_support import incident_at
from people_support import CHEAP_KDF, PIN, returnee_family

from fieldapp.domain import device_pin
from fieldapp.services.common import device_lock
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.services.people import registry
from fieldapp.services.people.registry import MemberForm
from fieldapp.store.models import Outbox
from fieldapp.store.personal_data import LOCKED_OPS_WARNING, payload_text
from sync.server import db as server_db
from sync.server.incident_models import Incident as ServerIncident
from sync.server.people_models import HouseholdMember as ServerMember


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)


def on_server() -> tuple[int, int]:
    with server_db.current().connection_context():
        return ServerMember.select().count(), ServerIncident.select().count()


def test_locked_the_incident_goes_and_the_family_waits_for_the_pin(make_device):
    worker = make_device("worker").enroll("p-insp")  # grid V1
    with worker.client() as client:
        assert client.sync_once().ok  # the grids and the personal-data key
    device_lock.set_pin(PIN)  # first run: the device key is made
    registry.save_household(returnee_family())  # three people: sealed ops
    report_incident(IncidentReport("complaint", incident_at("07:00"), "夜间噪音", address="村口"))
    device_lock.lock()  # idle lock, say, before the next sync

    with worker.client() as client:
        result = client.sync_once()
    assert LOCKED_OPS_WARNING in result.warnings
    assert on_server() == (0, 1)  # the incident went, written after the family
    waiting = {op.type for op in Outbox.select().where(Outbox.state == "pending")}
    assert waiting == {"household.upsert"}

    device_lock.unlock(PIN)
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and LOCKED_OPS_WARNING not in result.warnings
    assert on_server() == (3, 1)
    assert not Outbox.select().where(Outbox.state == "pending").exists()


def test_locked_an_incident_video_still_goes_past_the_sealed_family(
    make_device, live_server, tmp_path, monkeypatch
):
    """Videos go up after the records; looking for them the sync never opens the sealed
    family waiting for the PIN: the video arrives and the only warning is the family's."""
    worker = make_device("worker")
    monkeypatch.setenv("FIELDAPP_HOME", str(worker.home))  # its videos are kept there
    worker.enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    device_lock.set_pin(PIN)
    registry.save_household(returnee_family())
    video = tmp_path / "现场.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64)
    incident = report_incident(
        IncidentReport(
            "complaint", incident_at("07:00"), "夜间噪音", address="村口", files=[str(video)]
        )
    )
    sha = incident.media[0]["sha256"]
    device_lock.lock()

    with worker.client() as client:
        result = client.sync_once()
    assert result.warnings == [LOCKED_OPS_WARNING] and not result.errors, result
    assert result.blobs_uploaded == 1
    assert (live_server.blob_dir / sha[:2] / sha).read_bytes() == video.read_bytes()


def test_a_family_written_after_a_locked_one_waits_for_it_in_a_later_batch(make_device):
    """Batches of one op: the first family cannot be opened while locked, so the second —
    its op here in clear, as an older program left it — waits too, though another batch;
    the incident written after both still goes."""
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    device_lock.set_pin(PIN)
    registry.save_household(returnee_family())
    second = replace(
        returnee_family(), code="DM-018", address="鼎美村三组18号", members=[MemberForm("王大力")]
    )
    registry.save_household(second)
    later = Outbox.select().where(Outbox.type == "household.upsert").order_by(Outbox.seq)[-1]
    Outbox.update(payload=payload_text(later)).where(Outbox.op_id == later.op_id).execute()
    report_incident(IncidentReport("complaint", incident_at("07:00"), "夜间噪音", address="村口"))
    device_lock.lock()

    with worker.client(batch_size=1) as client:
        result = client.sync_once()
    assert LOCKED_OPS_WARNING in result.warnings
    assert on_server() == (0, 1)  # neither family went; the incident after them did
    device_lock.unlock(PIN)
    with worker.client(batch_size=1) as client:
        assert client.sync_once().ok
    assert on_server() == (4, 1)
