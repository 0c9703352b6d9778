"""Photos that do not come down as they should (sync/client/blobs.py): a file a crash left on
the device is taken as it is or replaced when bad, and a server gone mid-download or a file
that cannot be stored stops the downloads with the reason; the next sync brings the rest.
"""

from __future__ import annotations

import pytest
from test_blob_download import _inspector_with_photos

from fieldapp.store.models import Blob, Outbox
from sync.client import SyncResult

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("english")]


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
