"""A video of many parts through a network that drops, resets, delays and truncates
connections: the records go up first and are never held up by it, and the video arrives
whole, part by part, resumed at the offset the server holds — nothing lost, nothing
re-encoded. Sixteen parts and a bit (8 MB) are enough for the network to break off its
upload more than once; a 50 MB video took some 40 s a run to say the same."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Any

import pytest
from fault_tools import ChaosProxy
from incident_time_support import incident_at

from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.models import Outbox
from sync.client import SyncClient
from sync.client.base import Backoff
from sync.client.photos import PART

pytestmark = [pytest.mark.fault, pytest.mark.slow]

SIZE = 16 * PART + 1000  # a last part shorter than the others


def test_a_video_of_many_parts_never_holds_up_the_records_and_arrives_whole(
    make_device, live_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = make_device("flaky-video")
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    device.enroll("p-insp")
    with device.client() as client:
        client.pull()
    video = tmp_path / "wedding.mp4"
    video.write_bytes(os.urandom(SIZE))
    sha = hashlib.sha256(video.read_bytes()).hexdigest()
    report_incident(
        IncidentReport("fireworks_discharge", incident_at(), "婚礼燃放", address="鼎美村祠堂",
                       files=[str(video)])
    )  # fmt: skip
    for n in range(3):  # the records behind the video
        report_incident(
            IncidentReport("complaint", incident_at("07:00"), f"投诉{n}", address="村口")
        )
    on_server = live_server.blob_dir / sha[:2] / sha
    with ChaosProxy(live_server.port, seed=5) as proxy:
        client = SyncClient(proxy.url, device.token, device.device_id, max_retries=2,
                            backoff=Backoff(base=0.01, cap=0.05), sleep=time.sleep, timeout=10.0,
                            blob_path=lambda s: device.home / "blobs" / f"{s}.jpg")  # fmt: skip
        # Where the video's upload went on from the offset the server holds, not from
        # byte 0: a sync's first part after a sync the network broke off, or the part
        # after one whose answer was lost (the server's 409 names its offset).
        first_offsets: dict[int, int] = {}
        told_offsets: list[int] = []
        request, rounds = client._request, 0

        def noting_offsets(method: str, path: str, **kwargs: Any) -> Any:
            if method == "PUT" and path.endswith("/upload"):
                first_offsets.setdefault(rounds, int(kwargs["params"]["offset"]))
            answer = request(method, path, **kwargs)
            if method == "PUT" and answer.status_code == 409:
                told_offsets.append(int(answer.headers.get("upload-offset", -1)))
            return answer

        client._request = noting_offsets  # type: ignore[method-assign]
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
    # Broken off mid-file and taken up again from where the server had got to.
    resumed = [offset for offset in (*first_offsets.values(), *told_offsets) if offset > 0]
    assert resumed, (first_offsets, told_offsets)
    assert Outbox.select().where(Outbox.state != "acked").count() == 0
    digest = hashlib.sha256()
    with open(on_server, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    assert digest.hexdigest() == sha  # whole, as it was shot
    print(f"video: records up in round {records_done_in}, video in round {video_done_in}, "
          f"resumed at {resumed}, faults {dict(proxy.faults)}")  # fmt: skip
