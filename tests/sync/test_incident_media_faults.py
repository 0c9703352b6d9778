"""A 50 MB video through a network that drops, resets, delays and truncates connections:
the records go up first and are never held up by it, and the video arrives whole, part by
part, resumed at the offset the server holds — nothing lost, nothing re-encoded."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from fault_tools import ChaosProxy

from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.models import Outbox
from sync.client import SyncClient
from sync.client.base import Backoff

pytestmark = [pytest.mark.fault, pytest.mark.slow]

SIZE = 50 * 1024 * 1024


def test_a_50_mb_video_never_holds_up_the_records_and_arrives_whole(
    make_device, live_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = make_device("flaky-video")
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    device.enroll("p-insp")
    with device.client() as client:
        client.pull()
    video = tmp_path / "wedding.mp4"
    with open(video, "wb") as handle:
        for _ in range(SIZE // (1024 * 1024)):
            handle.write(os.urandom(1024 * 1024))
    sha = hashlib.sha256(video.read_bytes()).hexdigest()
    report_incident(
        IncidentReport("fireworks_discharge", "2026-02-11 06:40", "婚礼燃放", address="鼎美村祠堂",
                       files=[str(video)])
    )  # fmt: skip
    for n in range(3):  # the records behind the video
        report_incident(IncidentReport("complaint", "2026-02-11 07:00", f"投诉{n}", address="村口"))
    on_server = live_server.blob_dir / sha[:2] / sha
    with ChaosProxy(live_server.port, seed=5) as proxy:
        client = SyncClient(proxy.url, device.token, device.device_id, max_retries=2,
                            backoff=Backoff(base=0.01, cap=0.05), sleep=time.sleep, timeout=10.0,
                            blob_path=lambda s: device.home / "blobs" / f"{s}.jpg")  # fmt: skip
        records_done_in = video_done_in = 0
        with client:
            for rounds in range(1, 400):
                result = client.sync_once()
                pending = Outbox.select().where(Outbox.state == "pending").count()
                if not records_done_in and result.ok and pending == 0:
                    records_done_in = rounds
                if on_server.is_file():
                    video_done_in = rounds
                    break
        assert sum(proxy.faults.values()) >= 10, proxy.faults
    assert records_done_in, "the records never went up"
    assert video_done_in, "the video never arrived"
    assert records_done_in <= video_done_in
    assert Outbox.select().where(Outbox.state != "acked").count() == 0
    digest = hashlib.sha256()
    with open(on_server, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    assert digest.hexdigest() == sha  # whole, as it was shot
    print(f"video: records up in round {records_done_in}, video in round {video_done_in}, "
          f"faults {dict(proxy.faults)}")  # fmt: skip
