"""Incidents end to end: reported offline with a video, synced, handed over, closed — and the
same state on both devices and on the server."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from fault_tools import ChaosProxy
from incident_time_support import incident_at
from sync_world import LiveServer

from fieldapp.domain import incidents as lifecycle
from fieldapp.services.incidents import queue
from fieldapp.services.incidents.evidence import EvidenceError
from fieldapp.services.incidents.reporting import IncidentReport, ReportRefused, report_incident
from fieldapp.store.incident_models import Incident, IncidentEvent
from fieldapp.store.models import Outbox, Venue
from sync.client import SyncClient
from sync.client.base import Backoff
from sync.server import db as server_db
from sync.server.incident_models import Incident as ServerIncident
from sync.server.incident_models import IncidentEvent as ServerIncidentEvent

pytestmark = pytest.mark.usefixtures("english")


def _act_as(device, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001, ANN202
    """Open the device's store with its home as FIELDAPP_HOME (its blobs go there)."""
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    return device.open()


def _video(tmp_path: Path, size: int) -> Path:
    path = tmp_path / "现场.mp4"
    with open(path, "wb") as handle:  # not a real video: the bytes travel as they are
        handle.write(b"\x00\x00\x00\x18ftypmp42")
        handle.write(os.urandom(size - 12))
    return path


def _pulled_inspector(make_device, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001, ANN202
    """The inspector's device acting as the app, enrolled, its grids pulled."""
    inspector = make_device("inspector")
    _act_as(inspector, monkeypatch).enroll("p-insp")
    with inspector.client() as client:
        client.pull()
    return inspector


def _complaints_with_videos(tmp_path: Path, count: int, size: int) -> list[str]:
    """`count` complaints reported with a video each (of `size`, `size` + 1, … bytes); the
    videos' sha256."""
    shas = []
    for n in range(count):
        report = IncidentReport("complaint", incident_at("07:00"), f"投诉{n}", address="村口",
                                files=[str(_video(tmp_path, size + n))])  # fmt: skip
        shas.append(report_incident(report).media[0]["sha256"])
    return shas


def _server_state(live_server: LiveServer, incident_id: str) -> tuple[str, str, list[str]]:
    with server_db.current().connection_context():
        incident = ServerIncident.get_by_id(incident_id)
        events = [
            e.type
            for e in ServerIncidentEvent.select()
            .where(ServerIncidentEvent.incident == incident_id)
            .order_by(ServerIncidentEvent.server_order)
        ]
        return incident.state, incident.grid_code, events


def test_offline_report_with_video_is_handed_over_and_closed_everywhere(
    make_device, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspector, supervisor = make_device("inspector"), make_device("supervisor")
    _act_as(inspector, monkeypatch).enroll("p-insp")
    with inspector.client() as client:
        client.pull()
    video = _video(tmp_path, 3 * 1024 * 1024 + 17)
    photo = tmp_path / "摊位.png"
    from PIL import Image

    Image.new("RGB", (40, 30), (200, 30, 30)).save(photo)

    # Offline: nothing reaches the server, everything is on the device at once.
    venue = Venue.get(Venue.code == "DM-0002")
    incident = report_incident(
        IncidentReport(
            category="fireworks_sale",
            occurred_at=incident_at(),
            description="小卖部门口摆摊销售烟花爆竹",
            venue_id=venue.id,
            people=[{"name": "王某", "role": "摊主"}],
            files=[str(photo), str(video)],
        )
    )
    assert (incident.state, incident.grid_code) == (lifecycle.REPORTED, "V1")
    assert len(incident.photos) == 1 and incident.media[0]["size"] == video.stat().st_size
    stored = inspector.home / "blobs" / f"{incident.media[0]['sha256']}.jpg"
    assert stored.read_bytes() == video.read_bytes()  # kept as it is, never re-encoded
    assert Outbox.select().where(Outbox.type == "incident.event").count() == 1

    with inspector.client() as client:
        result = client.sync_once()
    assert not result.errors and not result.rejected, result
    sha = hashlib.sha256(video.read_bytes()).hexdigest()
    assert (live_server.blob_dir / sha[:2] / sha).read_bytes() == video.read_bytes()
    assert _server_state(live_server, incident.id) == ("reported", "V1", ["reported"])

    # The supervisor of the town pulls it, with the video, and works it to the end.
    _act_as(supervisor, monkeypatch).enroll("p-sup")
    with supervisor.client() as client:
        assert not client.sync_once().errors
    assert (supervisor.home / "blobs" / f"{sha}.jpg").read_bytes() == video.read_bytes()
    assert [i.id for i in queue.incident_queue("unassigned")] == [incident.id]
    handed = {"unit": "police_station", "reference": "鼎综治移〔2026〕7号"}
    for event_type, data in (
        ("handed_over", handed),
        ("outcome_recorded", {"outcome": "goods_seized"}),
        ("closed", {}),
    ):
        [done] = queue.bulk_apply([incident.id], event_type, data=data)
        assert done.applied, done.reason
    with supervisor.client() as client:
        assert not client.sync_once().errors
    assert _server_state(live_server, incident.id) == (
        "closed",
        "V1",
        ["reported", "handed_over", "outcome_recorded", "closed"],
    )

    _act_as(inspector, monkeypatch)
    with inspector.client() as client:
        assert not client.sync_once().errors
    mine = Incident.get_by_id(incident.id)
    assert mine.state == lifecycle.CLOSED
    kinds = [
        e.type
        for e in IncidentEvent.select()
        .where(IncidentEvent.incident == incident.id)
        .order_by(IncidentEvent.server_seq)
    ]
    assert kinds == ["reported", "handed_over", "outcome_recorded", "closed"]
    _act_as(supervisor, monkeypatch)
    assert Incident.get_by_id(incident.id).state == lifecycle.CLOSED


def test_an_inspector_cannot_hand_over_and_a_bad_report_stores_nothing(
    make_device, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pulled_inspector(make_device, monkeypatch)
    with pytest.raises(ReportRefused, match="address"):
        report_incident(IncidentReport("complaint", incident_at("07:00"), "噪音扰民"))
    with pytest.raises(EvidenceError, match="no file"):
        report_incident(
            IncidentReport(
                "complaint", incident_at("07:00"), "噪音", address="鼎美村口", files=["/nope.mp4"]
            )
        )
    assert Incident.select().count() == 0 and Outbox.select().count() == 0
    incident = report_incident(
        IncidentReport("complaint", incident_at("07:00"), "噪音扰民", address="鼎美村口")
    )
    with pytest.raises(queue.ActionRefused, match="grid head"):
        queue.bulk_apply(
            [incident.id], "handed_over", data={"unit": "police_station", "reference": "x"}
        )
    assert Incident.get_by_id(incident.id).state == lifecycle.REPORTED


def test_videos_are_counted_and_shown_going_up_and_a_missing_one_is_said(
    make_device, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspector = _pulled_inspector(make_device, monkeypatch)
    shas = _complaints_with_videos(tmp_path, 2, 64 * 1024)
    (inspector.home / "blobs" / f"{shas[1]}.jpg").unlink()  # the card was wiped meanwhile
    shown: list[tuple[int, int]] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "photos":
            shown.append((done, total))

    with inspector.client() as client:
        result = client.sync_once(progress)
    assert result.blobs_uploaded == 1 and (live_server.blob_dir / shas[0][:2] / shas[0]).is_file()
    assert result.warnings == [
        f"video/audio file {shas[1][:12]} is missing on this device; sent without it"
    ]
    assert [step for step in shown if step[1] == 2] == [(0, 2), (1, 2)]  # one after the other
    assert not result.errors and not result.rejected


def test_videos_cut_off_by_the_network_count_those_that_went_and_send_the_rest_next_time(
    make_device, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three incidents with a video each; the network goes while the third goes up: the
    sync says so, counts the two that arrived, and the next sync sends the third."""
    inspector = _pulled_inspector(make_device, monkeypatch)
    shas = _complaints_with_videos(tmp_path, 3, 48 * 1024)
    arrived = [live_server.blob_dir / sha[:2] / sha for sha in shas]
    with ChaosProxy(
        live_server.port, seed=1, p_drop=0, p_reset=0, p_delay=0, p_truncate=0
    ) as proxy:

        def cut_before_the_third(phase: str, done: int, total: int) -> None:
            if phase == "photos" and (done, total) == (2, 3):
                proxy.p.update(drop=1.0, reset=1.0)  # every connection, old and new

        def client() -> SyncClient:
            return SyncClient(proxy.url, inspector.token, inspector.device_id, max_retries=1,
                              backoff=Backoff(base=0.01, cap=0.02), sleep=time.sleep, timeout=5.0,
                              blob_path=lambda s: inspector.home / "blobs" / f"{s}.jpg")  # fmt: skip

        with client() as first:
            cut = first.sync_once(cut_before_the_third)
        assert cut.pushed == 3 and cut.blobs_uploaded == 2
        assert [path.is_file() for path in arrived] == [True, True, False]
        stopped = [w for w in cut.warnings if w.startswith("video/audio upload stopped (")]
        assert len(stopped) == 1 and stopped[0].endswith("); it is sent with the next sync")
        proxy.p.update(drop=0.0, reset=0.0)
        with client() as second:
            again = second.sync_once()
    assert again.ok and again.blobs_uploaded == 1 and arrived[2].is_file()


def test_the_server_keeps_what_kind_of_file_each_video_is(
    make_device, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A video goes up as the video it is (video/mp4), so the office's copy is known for
    one; a file whose record this device lost still goes, as plain bytes."""
    from fieldapp.store.models import Blob
    from sync.server.models import Blob as ServerBlob

    inspector = _pulled_inspector(make_device, monkeypatch)
    shas = _complaints_with_videos(tmp_path, 2, 32 * 1024)
    assert Blob.get_by_id(shas[0]).mime == "video/mp4"
    Blob.delete_by_id(shas[1])  # e.g. the store restored from an older copy
    with inspector.client() as client:
        assert client.sync_once().blobs_uploaded == 2
    with server_db.current().connection_context():
        kinds = {b.sha256: b.mime for b in ServerBlob.select().where(ServerBlob.sha256 << shas)}
    assert kinds == {shas[0]: "video/mp4", shas[1]: "application/octet-stream"}


def test_the_reporter_s_list_follows_the_supervisor_after_each_sync(
    make_device, live_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """My incidents (我上报的事件) on the inspector's device: what the supervisor did to a
    report — handed over to the police station, the outcome, closed — is there after the
    inspector's next sync, through the pull feed; the supervisor's own report is not."""
    from fieldapp.services.incidents.mine import my_incident_rows

    inspector, supervisor = _pulled_inspector(make_device, monkeypatch), make_device("supervisor")
    mine = report_incident(
        IncidentReport("fireworks_sale", incident_at(), "门口卖烟花", address="鼎美村口")
    )
    with inspector.client() as client:
        assert not client.sync_once().errors
    _act_as(supervisor, monkeypatch).enroll("p-sup")
    with supervisor.client() as client:
        assert not client.sync_once().errors
    report_incident(IncidentReport("complaint", incident_at("08:00"), "噪音", address="镇政府"))
    handed = {"unit": "police_station", "reference": "鼎综治移〔2026〕7号"}
    [done] = queue.bulk_apply([mine.id], "handed_over", data=handed)
    assert done.applied, done.reason
    with supervisor.client() as client:
        assert not client.sync_once().errors

    def my_list() -> list[tuple[str, str, str, str]]:
        _act_as(inspector, monkeypatch)
        with inspector.client() as client:
            assert not client.sync_once().errors
        rows, total = my_incident_rows(limit=10)
        assert total == len(rows)
        return [(r.id, r.state, r.handed_over_to, r.outcome) for r in rows]

    assert my_list() == [(mine.id, "handed_over", "police_station", "")]
    _act_as(supervisor, monkeypatch)
    for event_type, data in (("outcome_recorded", {"outcome": "goods_seized"}), ("closed", {})):
        [done] = queue.bulk_apply([mine.id], event_type, data=data)
        assert done.applied, done.reason
    with supervisor.client() as client:
        assert not client.sync_once().errors
    assert my_list() == [(mine.id, "closed", "police_station", "goods_seized")]


def test_a_reporter_moved_to_another_grid_still_follows_what_they_reported(
    make_device, live_server: LiveServer, server_workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reporter is given another village after reporting: the incident's grid leaves
    their scope, yet the supervisor's hand-over still reaches their list (the server sends
    the incident's changes to the reporter themselves, as it does an inspection's verdict)."""
    from test_scope_change import _assign

    from fieldapp.services.incidents.mine import my_incident_rows

    inspector, supervisor = _pulled_inspector(make_device, monkeypatch), make_device("supervisor")
    mine = report_incident(
        IncidentReport("fireworks_sale", incident_at(), "门口卖烟花", address="鼎美村口")
    )
    with inspector.client() as client:
        assert not client.sync_once().errors
    _assign(server_workdir, "V2")  # the administrator moves p-insp from V1 to V2
    _act_as(supervisor, monkeypatch).enroll("p-sup")
    with supervisor.client() as client:
        assert not client.sync_once().errors
    handed = {"unit": "fire_brigade", "reference": "鼎综治移〔2026〕9号"}
    [done] = queue.bulk_apply([mine.id], "handed_over", data=handed)
    assert done.applied, done.reason
    with supervisor.client() as client:
        assert not client.sync_once().errors
    _act_as(inspector, monkeypatch)
    with inspector.client() as client:
        assert not client.sync_once().errors
    rows, _ = my_incident_rows(limit=10)
    assert [(r.id, r.state, r.handed_over_to) for r in rows] == [
        (mine.id, "handed_over", "fire_brigade")
    ]
