"""What the photo and video refusal tests share: the problems in English, whether the server or
the device holds a file, a photo taken and a video reported on the device, the reporting
device, and the real network that test transports answer some requests in place of.

Test modules take the autouse `english` fixture and the `reporter` fixture by importing
`english` and `reporter_fixture`.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from incident_time_support import incident_at
from sync_world import Device, LiveServer
from test_blob_download import _photo

from fieldapp.domain.clock import now_iso
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.models import Blob


def _on_server(live_server: LiveServer, sha: str) -> bool:
    return (live_server.blob_dir / sha[:2] / sha).is_file()


def _acked(device: Device) -> bool:
    return {row.state for row in device.outbox().values()} == {"acked"}


def _taken(device: Device, text: str) -> tuple[str, bytes]:
    """A photo taken on the device: its file and its Blob row, not uploaded (as the app's
    import_photo leaves it)."""
    sha, data = _photo(device, text)
    Blob.insert(sha256=sha, mime="image/jpeg", size=len(data), created_at=now_iso()).execute()
    return sha, data


def _report_video(device: Device, tmp_path: Path, size: int, name: str) -> str:
    """An incident with a video (random bytes: they travel as they are); its sha256."""
    video = tmp_path / f"{name}.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(size - 12))
    incident = report_incident(
        IncidentReport("complaint", incident_at("07:00"), name, address="村口", files=[str(video)])
    )
    return str(incident.media[0]["sha256"])


@pytest.fixture(name="reporter")
def reporter_fixture(make_device, monkeypatch: pytest.MonkeyPatch) -> Device:
    """The inspector's device acting as the app (its blobs under FIELDAPP_HOME), pulled."""
    device = make_device("reporter")
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    device.open().enroll("p-insp")
    with device.client() as client:
        client.pull()
    return device


class RealNetwork(httpx.BaseTransport):
    """The real network to the live server; subclasses answer some requests themselves."""

    def __init__(self) -> None:
        self.real = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.real.handle_request(request)

    def close(self) -> None:
        self.real.close()
