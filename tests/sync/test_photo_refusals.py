"""Photos and videos that do not go up or come down as they should (sync/client/photos.py,
sync/client/blobs.py): one the server holds already is not sent again, one damaged on the
device or larger than the server takes is said by name and its record still goes up, a
file a crash left on the device is taken as it is, a server gone mid-download or a file in
the way stops the downloads with a warning and the next sync brings the rest.

A real server on loopback, real store files; the faults are real ones: a file changed on
disk, a server started with a small `--blob-limit`, a server stopped, a folder in the way.
A photo refused while its record went up is sent with a later sync, once the server takes
it (it was never tried again once its op was acked: fixed with this test).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sync_world import Device, LiveServer, event, finding_event, inspection_submit
from test_blob_download import _inspector_with_photos, _photo

from fieldapp.domain.clock import now_iso
from fieldapp.i18n import set_language
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.models import Blob, Outbox
from sync.client import SyncResult
from sync.client.photos import PART
from sync.server import db as server_db
from sync.server.models import Blob as ServerBlob

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh")


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
        IncidentReport("complaint", "2026-02-11 07:00", name, address="村口", files=[str(video)])
    )
    return str(incident.media[0]["sha256"])


@pytest.fixture
def reporter(make_device, monkeypatch: pytest.MonkeyPatch) -> Device:
    """The inspector's device acting as the app (its blobs under FIELDAPP_HOME), pulled."""
    device = make_device("reporter")
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    device.open().enroll("p-insp")
    with device.client() as client:
        client.pull()
    return device


# --- going up ------------------------------------------------------------------------------


def test_a_photo_the_server_holds_is_not_sent_again_and_a_damaged_one_is_said(
    make_device, seed, live_server
) -> None:
    first = make_device("phone").enroll("p-insp")
    shared, _data = _photo(first, "shared")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp", photos=[shared])
    first.enqueue("inspection.submit", submit)
    with first.client() as client:
        assert client.sync_once().blobs_uploaded == 1

    # The inspector's second phone took the same photo (not uploaded from there) and a
    # photo whose file changed on disk after it was taken.
    second = make_device("tablet").enroll("p-insp")
    assert _taken(second, "shared") == (shared, _data)
    damaged, _ = _taken(second, "damaged")
    (second.home / "blobs" / f"{damaged}.jpg").write_bytes(b"\xff\xd8 half a photo")
    reported = event("rectification_reported", "p-insp", photos=[shared, damaged])
    second.enqueue("finding.event", finding_event(submit["findings"][0]["id"], reported))
    with second.client() as client:
        result = client.sync_once()
    assert result.ok and _acked(second), result  # the record went up without the photo
    assert result.blobs_uploaded == 0  # the shared one was there already: not sent again
    # Its bytes crossed the network once, not twice.
    assert live_server.requests(f"/api/v1/blobs/{shared}", "PUT") == 1
    assert Blob.get_by_id(shared).uploaded  # and not asked about again
    assert result.warnings == [f"photo {damaged[:12]} is damaged on this device; sent without it"]
    assert not _on_server(live_server, damaged)


def test_a_photo_the_server_holds_from_another_grid_is_taken_without_a_warning(
    make_device, seed, live_server
) -> None:
    """An inspector of 芸美村 attaches the same picture 鼎美村's inspector sent (a photo
    passed round the group chat): the server may not say it holds it (404 to a device
    whose records do not name it), takes the upload and answers 200 — the photo is up,
    with no warning and no second try."""
    first = make_device("dingmei").enroll("p-insp")
    shared, data = _photo(first, "group chat")
    first.enqueue(
        "inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp", photos=[shared])
    )
    with first.client() as client:
        assert client.sync_once().blobs_uploaded == 1

    other = make_device("yunmei").enroll("p-insp2")
    assert _taken(other, "group chat") == (shared, data)
    other.enqueue(
        "inspection.submit",
        inspection_submit(seed.venues["YM-0001"], "p-insp2", photos=[shared]),
    )
    with other.client() as client:
        result = client.sync_once()
    assert result.ok and _acked(other) and not result.warnings, result
    assert result.blobs_uploaded == 1
    assert live_server.requests(f"/api/v1/blobs/{shared}", "PUT") == 2  # taken, not stored twice
    assert Blob.get_by_id(shared).uploaded  # not sent again with the next sync
    with other.client() as client:
        assert client.sync_once().blobs_uploaded == 0
    assert live_server.requests(f"/api/v1/blobs/{shared}", "PUT") == 2


def test_a_photo_lost_on_the_device_is_said_with_the_sync_that_sends_its_record_only(
    make_device, seed, live_server
) -> None:
    """A photo taken, then its file lost (a cleaned-up disk), in a record with a photo the
    server refuses for its size: the sync that sends the record says both by name; the
    syncs after it try the refused one again and say nothing more of the lost one, as
    there is nothing left to send."""
    live_server.blob_args += ["--blob-limit", "4096"]
    live_server.restart()
    device = make_device("phone").enroll("p-insp")
    lost, _ = _taken(device, "lost")
    kept, _ = _taken(device, "kept")
    big, _ = _taken(device, "big" * 10)
    device.enqueue(
        "inspection.submit",
        inspection_submit(seed.venues["DM-0001"], "p-insp", photos=[lost, kept, big]),
    )
    (device.home / "blobs" / f"{lost}.jpg").unlink()
    with device.client() as client:
        first = client.sync_once()
    assert first.ok and _acked(device) and first.blobs_uploaded == 1, first
    missing, refused = first.warnings
    assert missing == f"photo {lost[:12]} is missing on this device; sent without it"
    assert refused.startswith(f"photo {big[:12]} refused: ")
    with device.client() as client:
        again = client.sync_once()
    assert again.ok and again.blobs_uploaded == 0, again
    assert [w[:18] for w in again.warnings] == [f"photo {big[:12]}"]  # refused again only

    live_server.blob_args = live_server.blob_args[:-2]
    live_server.restart()
    with device.client() as client:
        last = client.sync_once()
    assert last.ok and last.blobs_uploaded == 1 and not last.warnings, last


def test_the_photo_of_a_refused_record_is_not_sent_later(make_device, seed, live_server) -> None:
    """A record the server refused (a venue outside the inspector's grids) whose photo the
    server also refused (too large): once the limit is raised, the photo still stays on
    the device — no record on the server names it."""
    live_server.blob_args += ["--blob-limit", "4096"]
    live_server.restart()
    device = make_device("phone").enroll("p-insp")
    big, _ = _taken(device, "big" * 10)
    op = device.enqueue(
        "inspection.submit",
        inspection_submit(seed.venues["YM-0001"], "p-insp", photos=[big]),  # 芸美村: not mine
    )
    with device.client() as client:
        first = client.sync_once()
    assert device.outbox()[op].state == "rejected", first
    assert first.warnings and first.warnings[0].startswith(f"photo {big[:12]} refused: ")

    live_server.blob_args = live_server.blob_args[:-2]
    live_server.restart()
    with device.client() as client:
        again = client.sync_once()
    assert again.blobs_uploaded == 0 and not again.warnings, again
    assert live_server.requests(f"/api/v1/blobs/{big}", "PUT") == 1  # only the refused try
    assert not _on_server(live_server, big) and not Blob.get_by_id(big).uploaded


def test_every_photo_held_back_goes_up_however_many_there_are(
    make_device, seed, live_server
) -> None:
    """A week offline with a server that refused every photo: 110 photos of 11 records
    sent without them. The sync that finds the server taking photos again sends all of
    them, in the order of their records."""
    device = make_device("phone").enroll("p-insp")
    held: list[str] = []
    for record in range(11):
        shas = [_taken(device, f"r{record}p{n}")[0] for n in range(10)]
        held += shas
        device.enqueue(
            "inspection.submit",
            inspection_submit(seed.venues["DM-0001"], "p-insp", photos=shas),
        )
    Outbox.update(state="acked", acked_at=now_iso()).execute()  # sent, without the photos
    with device.client() as client:
        result = client.sync_once()
    assert result.ok and not result.warnings and result.blobs_uploaded == 110, result.errors
    assert all(_on_server(live_server, sha) for sha in held)
    # Oldest record first: a line that drops midway leaves the newest ones for next time.
    sent = [path.rsplit("/", 1)[1] for path in live_server.paths("PUT") if "/blobs/" in path]
    assert sent == held
    assert Blob.select().where(Blob.uploaded == False).count() == 0  # noqa: E712


def test_a_photo_or_video_too_large_is_refused_by_name_and_sent_once_the_limit_is_raised(
    reporter, seed, live_server, tmp_path
) -> None:
    live_server.blob_args += ["--blob-limit", "4096"]
    live_server.restart()
    big, _ = _taken(reporter, "big" * 10)  # ~9 kB
    small, small_data = _taken(reporter, "s")
    reporter.enqueue(
        "inspection.submit",
        inspection_submit(seed.venues["DM-0001"], "p-insp", photos=[big, small]),
    )
    video = _report_video(reporter, tmp_path, 6000, "婚礼燃放")
    with reporter.client() as client:
        result = client.sync_once()
    assert not result.errors and _acked(reporter), result  # the records all went up
    assert result.blobs_uploaded == 1
    (photo_refused, video_refused) = result.warnings
    assert photo_refused.startswith(f"photo {big[:12]} refused: ")
    assert "larger than the server accepts (4096 bytes)" in photo_refused
    assert video_refused.startswith(f"video/audio file {video[:12]} refused: ")
    assert "larger than the server accepts (4096 bytes)" in video_refused
    assert not _on_server(live_server, big) and not _on_server(live_server, video)
    assert (live_server.blob_dir / small[:2] / small).read_bytes() == small_data
    assert not Blob.get_by_id(big).uploaded and not Blob.get_by_id(video).uploaded

    live_server.blob_args = live_server.blob_args[:-2]  # the office raises the limit
    live_server.restart()
    with reporter.client() as client:
        again = client.sync_once()
    assert again.ok and again.blobs_uploaded == 2 and not again.warnings, again
    assert _on_server(live_server, big) and _on_server(live_server, video)  # both, at last


class RealNetwork(httpx.BaseTransport):
    """The real network to the live server; subclasses answer some requests themselves."""

    def __init__(self) -> None:
        self.real = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.real.handle_request(request)

    def close(self) -> None:
        self.real.close()


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


# --- coming down ------------------------------------------------------------------------


def test_a_photo_file_a_crash_left_on_the_device_is_taken_and_a_bad_one_replaced(
    make_device, seed, live_server
) -> None:
    _inspector, photos, _late = _inspector_with_photos(make_device, seed)
    left, bad, also_left = list(photos)
    boss = make_device("boss").enroll("p-sup")
    # Syncs that crashed between a file and its row left two whole; another half written.
    (boss.home / "blobs" / f"{left}.jpg").write_bytes(photos[left])
    (boss.home / "blobs" / f"{also_left}.jpg").write_bytes(photos[also_left])
    (boss.home / "blobs" / f"{bad}.jpg").write_bytes(photos[bad][:100])
    (live_server.blob_dir / left[:2] / left).unlink()  # not even on the server any more
    with boss.client() as client:
        result = client.sync_once()
    assert result.ok and result.blobs_downloaded == 3, result
    assert Blob.get_by_id(left).size == len(photos[left])
    for sha, data in photos.items():
        assert (boss.home / "blobs" / f"{sha}.jpg").read_bytes() == data


def test_a_server_gone_mid_download_stops_the_downloads_and_the_next_sync_brings_them(
    make_device, seed, live_server
) -> None:
    _inspector, photos, _late = _inspector_with_photos(make_device, seed)
    boss = make_device("boss").enroll("p-sup")
    with boss.client(max_retries=1) as client:
        client.pull()
        live_server.stop()
        result = SyncResult()
        assert client.download_blobs(result=result) == 0
    assert result.warnings[0].startswith("photo download stopped (")
    assert result.warnings[0].endswith("); the rest come later")
    assert result.blobs_waiting == len(photos) + 1  # the late one, never uploaded, too
    assert not list((boss.home / "blobs").iterdir())
    live_server.start()
    with boss.client() as client:
        again = client.sync_once()
    assert again.ok and again.blobs_downloaded == len(photos), again


def test_a_photo_that_cannot_be_stored_stops_the_downloads_with_the_reason(
    make_device, seed, live_server
) -> None:
    _inspector, photos, _late = _inspector_with_photos(make_device, seed)
    blocked = next(iter(photos))  # the finding's photo: fetched first
    boss = make_device("boss").enroll("p-sup")
    (boss.home / "blobs" / f"{blocked}.jpg").mkdir()  # a folder where the photo goes
    with boss.client() as client:
        result = client.sync_once()
    assert result.ok and result.blobs_downloaded == 0, result
    stored, waiting = result.warnings
    assert stored == f"could not store photo {blocked[:12]}: Is a directory"
    assert result.blobs_waiting == 4  # its three and the late one, said to come later
    assert waiting == (
        "4 photo(s) from other devices are not on this device yet; "
        "they are fetched with the next sync"
    )
    assert Blob.get_or_none(Blob.sha256 == blocked) is None
    (boss.home / "blobs" / f"{blocked}.jpg").rmdir()
    with boss.client() as client:
        again = client.sync_once()
    assert again.blobs_downloaded == len(photos)
    assert (boss.home / "blobs" / f"{blocked}.jpg").read_bytes() == photos[blocked]
    assert not Outbox.select().where(Outbox.state == "pending").exists()
