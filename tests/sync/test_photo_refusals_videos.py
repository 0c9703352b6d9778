"""Incident videos that do not go up as they should (sync/client/photos.py): a server without
uploads in parts, a proxy that will not let one up, a server that takes no part or whose
answer is lost, another upload under way or finished meanwhile, a video cut off midway, and
one the server holds whole or damaged on the device.

A real server on loopback; the transports answer some requests in its place.
"""

from __future__ import annotations

import httpx
import pytest
from photo_refusals_support import (  # noqa: F401 (fixtures)
    RealNetwork,
    _acked,
    _on_server,
    _report_video,
    _taken,
    reporter_fixture,
)

from fieldapp.store.models import Blob
from sync.client.photos import PART
from sync.server import db as server_db
from sync.server.models import Blob as ServerBlob

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("english")]


class WithoutResumableUploads(RealNetwork):
    """The real network to a server of an earlier version (or behind a proxy) that knows
    nothing of uploads in parts: their address answers 404 (or what the proxy says)."""

    def __init__(self, status: int = 404, detail: str = "Not Found") -> None:
        super().__init__()
        self.status, self.detail = status, detail

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/upload"):
            return httpx.Response(self.status, json={"detail": self.detail}, request=request)
        return self.real.handle_request(request)


def test_a_server_without_uploads_in_parts_takes_a_video_whole_or_refuses_it_by_name(
    reporter, live_server, tmp_path
) -> None:
    live_server.blob_args += ["--blob-limit", "4096"]
    live_server.restart()
    _taken(reporter, "一张没用上的照片")  # held first, named by no record: stays here
    small = _report_video(reporter, tmp_path, 3000, "烧烤摊")
    big = _report_video(reporter, tmp_path, 6000, "婚礼燃放")
    with reporter.client(transport=WithoutResumableUploads()) as client:
        result = client.sync_once()
    assert not result.errors and _acked(reporter), result
    assert result.blobs_uploaded == 1
    (refused,) = result.warnings
    assert refused.startswith(f"video/audio file {big[:12]} refused: ")
    assert "larger than the server accepts (4096 bytes)" in refused
    assert live_server.requests(f"/api/v1/blobs/{small}", "PUT") == 1  # whole, in one PUT
    assert _on_server(live_server, small) and not _on_server(live_server, big)
    with server_db.current().connection_context():  # kept as the video it is
        assert ServerBlob.get_by_id(small).mime == "video/mp4"
    assert Blob.get_by_id(small).uploaded and not Blob.get_by_id(big).uploaded


def test_a_video_a_proxy_will_not_let_up_is_said_with_its_reason_and_sent_later(
    reporter, live_server, tmp_path
) -> None:
    video = _report_video(reporter, tmp_path, 3000, "烧烤摊")
    proxy = WithoutResumableUploads(403, "uploads are closed at this proxy")
    with reporter.client(transport=proxy) as client:
        result = client.sync_once()
    assert not result.errors and _acked(reporter), result
    assert result.warnings == [
        f"video/audio file {video[:12]} refused: uploads are closed at this proxy"
    ]
    assert result.blobs_uploaded == 0 and not Blob.get_by_id(video).uploaded
    with reporter.client() as client:
        result = client.sync_once()
    assert result.blobs_uploaded == 1 and _on_server(live_server, video), result


class TakesNoPart(RealNetwork):
    """The real network to a server that answers every part of an upload with `answer`
    and takes none of it: "accepted" with its offset never moving (a broken server or
    proxy), or busy with another upload of the file."""

    def __init__(self, status: int = 202, answer: dict[str, object] | None = None) -> None:
        super().__init__()
        self.status, self.answer = status, answer or {"offset": 0, "complete": False}
        self.parts = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PUT" and request.url.path.endswith("/upload"):
            self.parts += 1
            if self.parts > 10:  # a device that sends the part for ever: the test fails
                raise httpx.ConnectError("the same part sent more than ten times")
            return httpx.Response(self.status, json=self.answer, request=request)
        return self.real.handle_request(request)


def test_a_server_that_takes_no_part_of_a_video_is_said_and_the_sync_ends(
    reporter, live_server, tmp_path
) -> None:
    """The device does not send the same part for ever: once a part is answered without
    the server's offset moving, the video is said refused and goes with the next sync."""
    video = _report_video(reporter, tmp_path, 2 * PART + 10, "不收")
    broken = TakesNoPart()
    with reporter.client(transport=broken) as client:
        result = client.sync_once()
    assert not result.errors and _acked(reporter), result
    assert result.warnings == [
        f"video/audio file {video[:12]} refused: the server did not take the part from byte 0; "
        "it is sent again with the next sync"
    ]
    assert broken.parts == 1 and not Blob.get_by_id(video).uploaded
    assert result.blobs_uploaded == 0  # the sync screen does not count it sent
    with reporter.client() as client:
        again = client.sync_once()
    assert again.blobs_uploaded == 1 and _on_server(live_server, video), again


def test_a_video_another_upload_of_is_under_way_is_said_and_sent_later(
    reporter, live_server, tmp_path
) -> None:
    video = _report_video(reporter, tmp_path, 3000, "同传")
    busy = {"error": "upload_busy", "message": "another upload of this file is under way"}
    with reporter.client(transport=TakesNoPart(409, busy)) as client:
        result = client.sync_once()
    assert not result.errors and _acked(reporter), result
    assert result.warnings == [
        f"video/audio file {video[:12]} refused: another upload of this file is under way"
    ]
    assert not Blob.get_by_id(video).uploaded


def test_a_video_another_device_finished_sending_meanwhile_is_taken_as_sent(
    reporter, live_server, tmp_path
) -> None:
    """The same video went up from another device between this one asking what the server
    holds and sending its first part: the server answers that it holds it whole."""
    video = _report_video(reporter, tmp_path, 3000, "同一段")
    whole = TakesNoPart(200, {"offset": 3000, "complete": True})
    with reporter.client(transport=whole) as client:
        result = client.sync_once()
    assert not result.errors and not result.warnings and result.blobs_uploaded == 1, result
    assert whole.parts == 1 and Blob.get_by_id(video).uploaded


class LosesFirstPartAnswer(RealNetwork):
    """The real network, except that the answer to the first part of an upload is lost on
    the way back (the server got the part): the device sends that part again."""

    def __init__(self) -> None:
        super().__init__()
        self.parts = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.real.handle_request(request)
        if request.method == "PUT" and request.url.path.endswith("/upload"):
            self.parts += 1
            if self.parts == 1:
                answer.read()
                raise httpx.ReadError("connection reset while reading the answer")
        return answer


def test_a_part_whose_answer_was_lost_is_not_sent_twice_over(
    reporter, live_server, tmp_path
) -> None:
    """The server took the first part but its answer was lost: sent again, the part is
    answered with the offset the server holds, and the upload goes on from there."""
    video = _report_video(reporter, tmp_path, 2 * PART + 10, "丢回执")
    lossy = LosesFirstPartAnswer()
    with reporter.client(transport=lossy) as client:
        result = client.sync_once()
    assert not result.errors and not result.warnings and result.blobs_uploaded == 1, result
    assert lossy.parts == 4  # the first twice (the second answered 409), then two more
    assert _on_server(live_server, video) and Blob.get_by_id(video).uploaded
    on_server = (live_server.blob_dir / video[:2] / video).read_bytes()
    assert on_server == (reporter.home / "blobs" / f"{video}.jpg").read_bytes()


def test_a_video_cut_off_midway_goes_on_from_the_part_the_server_holds(
    reporter, live_server, tmp_path
) -> None:
    """A sync before this one sent the first of a video's three parts and was cut off:
    this one asks the server what it holds and sends the two parts left, none twice."""
    sha = _report_video(reporter, tmp_path, 2 * PART + 1000, "三段")
    data = (reporter.home / "blobs" / f"{sha}.jpg").read_bytes()
    first = httpx.put(
        f"{live_server.url}/api/v1/blobs/{sha}/upload",
        params={"offset": 0, "total": len(data)},
        content=data[:PART],
        headers={"Authorization": f"Bearer {reporter.token}"},
    )
    assert first.status_code == 202, first.text
    sent_before = live_server.requests(f"/blobs/{sha}/upload", "PUT")
    with reporter.client() as client:
        result = client.sync_once()
    assert not result.errors and not result.warnings and result.blobs_uploaded == 1, result
    assert live_server.requests(f"/blobs/{sha}/upload", "PUT") - sent_before == 2
    assert _on_server(live_server, sha) and Blob.get_by_id(sha).uploaded


def test_a_video_the_server_holds_whole_is_not_sent_again_and_a_damaged_one_is_said(
    reporter, live_server, tmp_path
) -> None:
    whole = _report_video(reporter, tmp_path, 20_000, "一段")
    damaged = _report_video(reporter, tmp_path, 20_000, "另一段")
    # A sync before this one sent every part of the first, and lost the last answer.
    data = (reporter.home / "blobs" / f"{whole}.jpg").read_bytes()
    put = httpx.put(
        f"{live_server.url}/api/v1/blobs/{whole}/upload",
        params={"offset": 0, "total": len(data)},
        content=data,
        headers={"Authorization": f"Bearer {reporter.token}"},
    )
    assert put.status_code == 201 and not Blob.get_by_id(whole).uploaded
    for sha in (damaged, whole):  # the card went bad under both: the server holds one whole
        with open(reporter.home / "blobs" / f"{sha}.jpg", "r+b") as handle:
            handle.write(b"\x00" * 64)
    with reporter.client() as client:
        result = client.sync_once()
    assert not result.errors and _acked(reporter), result
    assert result.blobs_uploaded == 0
    assert result.warnings == [
        f"video/audio file {damaged[:12]} is damaged on this device; sent without it"
    ]
    assert Blob.get_by_id(whole).uploaded and not Blob.get_by_id(damaged).uploaded
    assert not _on_server(live_server, damaged)
