"""Photos of other devices reach this one after the pull: checked, atomic, bounded."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
from sync_world import event, finding_event, inspection_submit

from fieldapp.store.models import Blob


def _photo(device, text: str) -> tuple[str, bytes]:
    data = b"\xff\xd8" + text.encode() * 300 + b"\xff\xd9"
    sha = hashlib.sha256(data).hexdigest()
    (device.home / "blobs" / f"{sha}.jpg").write_bytes(data)
    return sha, data


def _inspector_with_photos(make_device, seed):
    """An inspector's inspection with a finding photo, an answer photo and an event with
    two photos, one of which never made it onto the inspector's device."""
    inspector = make_device("insp").enroll("p-insp")
    finding_sha, finding_data = _photo(inspector, "finding")
    answer_sha, answer_data = _photo(inspector, "answer")
    event_sha, event_data = _photo(inspector, "event")
    late_data = b"\xff\xd8 taken later \xff\xd9"
    late_sha = hashlib.sha256(late_data).hexdigest()
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp", photos=[finding_sha])
    submit["answers"][0]["photos"] = [answer_sha]
    finding = submit["findings"][0]
    reported = event("rectification_reported", "p-insp", photos=[event_sha, late_sha])
    inspector.enqueue("inspection.submit", submit)
    inspector.enqueue("finding.event", finding_event(finding["id"], reported))
    with inspector.client() as client:
        result = client.sync_once()
    assert result.ok and result.blobs_uploaded == 3, result
    assert f"photo {late_sha[:12]} is missing on this device; sent without it" in result.warnings
    photos = {finding_sha: finding_data, answer_sha: answer_data, event_sha: event_data}
    return inspector, photos, (late_sha, late_data)


def test_photos_sent_are_noted_and_not_asked_about_again(make_device, seed, live_server):
    """Photo files the store had no record of (put in the photo folder by hand, or left by
    an older version) are noted as sent once they go up: the next sync does not ask the
    server about them again."""
    inspector, photos, _late = _inspector_with_photos(make_device, seed)
    for sha, data in photos.items():
        row = Blob.get_by_id(sha)
        assert row.uploaded and row.size == len(data) and row.mime == "image/jpeg"
    asked = {sha: live_server.requests(f"/api/v1/blobs/{sha}", "HEAD") for sha in photos}
    with inspector.client() as client:
        assert client.sync_once().ok
    assert {sha: live_server.requests(f"/api/v1/blobs/{sha}", "HEAD") for sha in photos} == asked


def test_a_supervisor_gets_the_photos_of_pulled_records(make_device, seed, live_server):
    inspector, photos, (late_sha, late_data) = _inspector_with_photos(make_device, seed)

    boss = make_device("boss").enroll("p-sup")
    steps: list[tuple[str, int, int]] = []
    with boss.client() as client:
        result = client.sync_once(lambda phase, done, total: steps.append((phase, done, total)))
    assert result.ok, result  # a photo the server lacks never holds the sync back
    assert result.blobs_downloaded == 3 and result.blobs_waiting == 1
    phases = [phase for phase, _, _ in steps]
    assert phases[-1] == "photos" and phases.index("pull") < len(phases) - 1
    # The photo bar counts the four photos it asks for, one by one, to the end.
    assert steps[-5:] == [("photos", done, 4) for done in range(5)]
    for sha, data in photos.items():
        assert (boss.home / "blobs" / f"{sha}.jpg").read_bytes() == data
        assert Blob.get_by_id(sha).size == len(data)
    assert not (boss.home / "blobs" / f"{late_sha}.jpg").exists()
    assert Blob.get_or_none(Blob.sha256 == late_sha) is None
    assert not list((boss.home / "blobs").glob("*.part"))
    assert any("next sync" in w for w in result.warnings)

    # The inspector's device uploads the late photo; the supervisor's next sync gets it.
    put = httpx.put(
        f"{live_server.url}/api/v1/blobs/{late_sha}",
        content=late_data,
        headers={"Authorization": f"Bearer {inspector.open().token}"},
    )
    assert put.status_code == 201
    with boss.client() as client:
        again = client.sync_once()
    assert again.ok and again.pulled == 0
    assert again.blobs_downloaded == 1 and again.blobs_waiting == 0
    assert (boss.home / "blobs" / f"{late_sha}.jpg").read_bytes() == late_data
    with boss.client() as client:
        quiet = client.sync_once()
    assert quiet.blobs_downloaded == 0 and not quiet.warnings


def test_downloads_are_bounded_per_sync_and_damaged_bytes_are_refused(
    make_device, seed, live_server
):
    _inspector, photos, _late = _inspector_with_photos(make_device, seed)
    damaged = next(iter(photos))
    server_file = live_server.blob_dir / damaged[:2] / damaged
    server_file.write_bytes(b"not the photo")

    boss = make_device("boss").enroll("p-sup")
    with boss.client(blob_download_limit=2) as client:
        first = client.sync_once()
    assert first.ok, first
    held = {sha for sha in photos if (boss.home / "blobs" / f"{sha}.jpg").exists()}
    assert len(held) == first.blobs_downloaded <= 2
    assert damaged not in held and Blob.get_or_none(Blob.sha256 == damaged) is None

    with boss.client(blob_download_limit=2) as client:
        second = client.sync_once()
    held = {sha for sha in photos if (boss.home / "blobs" / f"{sha}.jpg").exists()}
    assert held == set(photos) - {damaged}  # the good ones first, the damaged one after
    said = f"photo {damaged[:12]} arrived damaged; it is fetched again"
    assert said in first.warnings + second.warnings

    server_file.write_bytes(photos[damaged])  # repaired on the server
    with boss.client(blob_download_limit=2, blob_download_bytes=1) as client:
        third = client.sync_once()
    assert third.blobs_downloaded == 1  # the byte budget stops after the first photo
    assert (boss.home / "blobs" / f"{damaged}.jpg").read_bytes() == photos[damaged]
    assert {b.sha256 for b in Blob.select()} == set(photos)


def test_a_byte_budget_of_one_photo_brings_one_photo_a_sync(make_device, seed, live_server):
    """Over a slow line the budget is what one photo weighs: each sync brings one, the
    budget spent once it is reached, not only once it is passed."""
    inspector = make_device("insp").enroll("p-insp")
    taken = [_photo(inspector, letter * 4) for letter in "abc"]  # three of one size
    shas, weight = [sha for sha, _ in taken], len(taken[0][1])
    inspector.enqueue(
        "inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp", photos=shas)
    )
    with inspector.client() as client:
        assert client.sync_once().blobs_uploaded == 3

    boss = make_device("boss").enroll("p-sup")
    brought = []
    for _ in range(3):
        with boss.client(blob_download_bytes=weight) as client:
            result = client.sync_once()
        brought.append((result.blobs_downloaded, result.blobs_waiting))
    assert brought == [(1, 2), (1, 1), (1, 0)]
    assert all((boss.home / "blobs" / f"{sha}.jpg").is_file() for sha in shas)

    # Two photos' weight, on another supervisor's laptop: two, then the third.
    other = make_device("deputy").enroll("p-sup")
    brought = []
    for _ in range(2):
        with other.client(blob_download_bytes=2 * weight) as client:
            result = client.sync_once()
        brought.append((result.blobs_downloaded, result.blobs_waiting))
    assert brought == [(2, 1), (1, 0)]


def test_a_photo_the_server_lacks_waits_behind_the_others(make_device, seed, live_server):
    """One photo a sync, over a slow line: the photo the server does not have yet (its
    device never sent it) is asked for once, then waits behind the others, so it never
    keeps them from coming."""
    _inspector, photos, (late_sha, _late) = _inspector_with_photos(make_device, seed)
    asked_before = live_server.requests(f"/api/v1/blobs/{late_sha}", "GET")  # by its device
    boss = make_device("boss").enroll("p-sup")
    for _ in range(4):  # three photos, and one try of the late one among them
        with boss.client(blob_download_limit=1) as client:
            result = client.sync_once()
    assert all((boss.home / "blobs" / f"{sha}.jpg").is_file() for sha in photos)
    assert result.blobs_waiting == 1 and not (boss.home / "blobs" / f"{late_sha}.jpg").exists()
    assert live_server.requests(f"/api/v1/blobs/{late_sha}", "GET") == asked_before + 1


def test_a_sync_brings_a_hundred_photos_and_the_next_one_the_rest(make_device, seed):
    """Left to its own bounds, a supervisor's sync after a busy day downloads a hundred
    photos and says how many wait; the next sync brings those."""
    inspector = make_device("insp").enroll("p-insp")
    shas = [_photo(inspector, f"photo {i}")[0] for i in range(101)]
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    submit["answers"][0]["photos"] = shas[:100]
    submit["answers"][1]["photos"] = shas[100:]
    inspector.enqueue("inspection.submit", submit)
    with inspector.client() as client:
        assert client.sync_once().blobs_uploaded == 101

    boss = make_device("boss").enroll("p-sup")
    with boss.client() as client:
        first = client.sync_once()
        assert first.ok and (first.blobs_downloaded, first.blobs_waiting) == (100, 1)
        second = client.sync_once()
        assert second.ok and (second.blobs_downloaded, second.blobs_waiting) == (1, 0)
    assert all((boss.home / "blobs" / f"{sha}.jpg").exists() for sha in shas)


def test_a_photo_file_on_the_device_that_cannot_be_read_is_fetched_again(
    make_device, seed, monkeypatch
):
    """A file already at a photo's place is taken as the photo only when it can be read
    and its hash matches; one that cannot be read (a damaged disk, a permission: the tests
    run as root, which reads every file, so the refusal is made here) is fetched again."""
    _inspector, photos, _late = _inspector_with_photos(make_device, seed)
    boss = make_device("boss").enroll("p-sup")
    sha, data = next(iter(photos.items()))
    unreadable = boss.home / "blobs" / f"{sha}.jpg"
    unreadable.write_bytes(data)
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with boss.client() as client:
        result = client.sync_once()
    assert result.ok and result.blobs_downloaded == 3, result
    assert Blob.get_by_id(sha).size == len(data)
    monkeypatch.undo()
    assert unreadable.read_bytes() == data
