"""A photo taken at a patrol checkpoint reaches every device that may read the run (the
route's grid and those above it), as any record's photo does, and no other: the server
notes the photos of `patrol_run` changes as readable by the grid, and a device fetches
the photos its patrol visits name. A server that held runs with photos before it noted
them notes them once, when it starts."""

from __future__ import annotations

import hashlib

import httpx
from live_server import forget_schema
from patrol_support import FrozenClock, import_patrols

from fieldapp.services.patrols import runs
from fieldapp.store.models import Blob
from fieldapp.store.patrol_models import PatrolScan
from sync.server import db as server_db
from sync.server.models import BlobRef, Meta

KEY_DAY = "2026-02-04"


def _photo(device, text: str) -> tuple[str, bytes]:  # type: ignore[no-untyped-def]
    data = b"\xff\xd8" + text.encode() * 300 + b"\xff\xd9"
    sha = hashlib.sha256(data).hexdigest()
    (device.home / "blobs" / f"{sha}.jpg").write_bytes(data)
    return sha, data


def _visit_with_photo(make_device, server_workdir, monkeypatch):  # type: ignore[no-untyped-def]
    """The V1 inspector checks in at CP-01 by hand, adds a photo and a note, and syncs."""
    route_id = import_patrols(server_workdir)
    FrozenClock(monkeypatch, KEY_DAY, "06:40")
    inspector = make_device("insp").enroll("p-insp")
    with inspector.client() as client:
        assert client.sync_once().ok
    run = runs.start_run(route_id)
    typed = runs.record_scan(run.id, "CP-01", "typed")
    visit = runs.record_manual(run.id, typed.checkpoint_id, "placard_damaged", "标牌被撕")
    sha, data = _photo(inspector, "checkpoint")
    runs.annotate(visit.id, photos=[sha])
    with inspector.client() as client:
        sent = client.sync_once()
    assert sent.ok and not sent.rejected and sent.blobs_uploaded == 1, sent
    return inspector, visit.id, sha, data


def test_a_supervisor_of_the_grid_gets_a_patrol_photo_and_another_grid_does_not(
    make_device, seed, server_workdir, monkeypatch, live_server
):
    _inspector, visit_id, sha, data = _visit_with_photo(make_device, server_workdir, monkeypatch)

    boss = make_device("boss").enroll("p-sup")  # supervisor of T1, above the route's V1
    with boss.client() as client:
        result = client.sync_once()
    assert result.ok and result.blobs_downloaded == 1, result
    assert PatrolScan.get_by_id(visit_id).photos == [sha]
    assert (boss.home / "blobs" / f"{sha}.jpg").read_bytes() == data
    assert Blob.get_by_id(sha).size == len(data)

    other = make_device("other").enroll("p-insp2")  # inspector of V2
    with other.client() as client:
        assert client.sync_once().ok
    assert not (other.home / "blobs" / f"{sha}.jpg").exists()
    asked = httpx.get(
        f"{live_server.url}/api/v1/blobs/{sha}",
        headers={"Authorization": f"Bearer {other.open().token}"},
    )
    assert asked.status_code == 404  # as if the server held no such photo


def test_a_server_holding_patrol_photos_from_before_notes_them_once_at_start(
    make_device, seed, server_workdir, monkeypatch, live_server
):
    """A database whose runs came before patrol photos were noted: its blob_ref knows
    only the uploader, and meta says the six older types were noted. Starting the server
    (init_schema) notes the runs' photos for the grid, once."""
    _inspector, _visit_id, sha, data = _visit_with_photo(make_device, server_workdir, monkeypatch)
    db = server_db.current()
    with db.connection_context():
        BlobRef.delete().where(BlobRef.sha256 == sha, BlobRef.device == "").execute()
        Meta.delete().where(Meta.key == server_db.PHOTO_TYPES_KEY).execute()
        forget_schema()
    boss = make_device("boss").enroll("p-sup")
    with boss.client() as client:
        before = client.sync_once()
    assert before.ok and before.blobs_downloaded == 0, before  # not readable by the grid yet

    with db.connection_context():
        server_db.init_schema()
        assert {(r.grid_code, r.audience) for r in BlobRef.select().where(
            BlobRef.sha256 == sha, BlobRef.device == "")} == {("V1", "all")}  # fmt: skip
        held = Meta.get_by_id(server_db.PHOTO_TYPES_KEY).value.split(",")
        assert "patrol_run" in held
        BlobRef.delete().where(BlobRef.device == "").execute()
        server_db.init_schema()  # noted once: not looked for again
        assert not BlobRef.select().where(BlobRef.device == "").exists()
        server_db.note_new_photo_types()
        assert not BlobRef.select().where(BlobRef.device == "").exists()

    with db.connection_context():  # as the migration left it
        Meta.delete().where(Meta.key == server_db.PHOTO_TYPES_KEY).execute()
        forget_schema()
        server_db.init_schema()
    with boss.client() as client:
        after = client.sync_once()
    assert after.ok and after.blobs_downloaded == 1, after
    assert (boss.home / "blobs" / f"{sha}.jpg").read_bytes() == data
