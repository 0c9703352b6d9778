"""Photos that do not go up as they should (sync/client/photos.py): one the server holds
already is not sent again, one damaged or lost on the device or larger than the server
takes is said by name and its record still goes up, and one held back is sent with a later
sync once the server takes it (it was never tried again once its op was acked: fixed with
the test of a refused record's photo).

A real server on loopback, real store files; the faults are real ones: a file changed on
disk, a server started with a small `--blob-limit`.
"""

from __future__ import annotations

import pytest
from photo_refusals_support import (  # noqa: F401 (fixtures)
    _acked,
    _on_server,
    _report_video,
    _taken,
    reporter_fixture,
)
from sync_world import event, finding_event, inspection_submit
from test_blob_download import _photo

from fieldapp.domain.clock import now_iso
from fieldapp.store.models import Blob, Outbox

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("english")]


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
