"""Photos are scoped like records: a device reads a blob only if a record it may pull
refers to it, or if it uploaded those bytes; otherwise 404, exactly as for a blob the
server does not hold (not 403: the server does not confirm that it exists)."""

from __future__ import annotations

import hashlib

from live_server import forget_schema
from sync_world import InProcessDevice, event, finding_event

from sync.server import db as server_db
from sync.server.models import BlobRef


def _photo(label: str) -> tuple[str, bytes]:
    data = b"\xff\xd8 " + label.encode() + b" \xff\xd9" * 50
    return hashlib.sha256(data).hexdigest(), data


def _push_with_photos(api: InProcessDevice) -> dict[str, tuple[str, bytes]]:
    """The V1 inspector uploads three photos and pushes records naming them: one on an
    answer (inspections go to supervisors), one on a finding, one on a later event."""
    photos = {name: _photo(name) for name in ("answer", "finding", "event")}
    for sha, data in photos.values():
        assert api.head(f"/blobs/{sha}").status_code == 404
        assert api.put(f"/blobs/{sha}", data).status_code == 201
        assert api.head(f"/blobs/{sha}").status_code == 200  # the uploader reads it back
    submit = api.inspection()
    submit["answers"][0]["photos"] = [photos["answer"][0]]
    finding = submit["findings"][0]
    finding["photos"] = [photos["finding"][0]]
    reported = event("rectification_reported", api.person_id, photos=[photos["event"][0]])
    reported["base_event"] = finding["events"][0]["id"]
    answer = api.push(
        [
            api.op("inspection.submit", submit),
            api.op("finding.event", finding_event(finding["id"], reported)),
        ]
    )
    assert [r["status"] for r in answer.json()["results"]] == ["applied", "applied"], answer.text
    return photos


def test_a_device_of_another_grid_gets_404_for_a_photo_it_may_not_see(api, in_process_app, seed):
    photos = _push_with_photos(api)
    other = InProcessDevice(in_process_app, seed, "p-insp2")  # inspector of V2
    missing = "ab" * 32
    never_held = other.get(f"/blobs/{missing}")
    for sha, _data in photos.values():
        refused = other.get(f"/blobs/{sha}")
        assert refused.status_code == 404
        assert refused.json()["error"] == never_held.json()["error"] == "no_blob"
        assert refused.json()["message"].replace(sha, "X") == never_held.json()["message"].replace(
            missing, "X"
        )
        head = other.head(f"/blobs/{sha}")
        assert head.status_code == 404 and head.content == b""
        assert (
            head.headers["content-type"] == other.head(f"/blobs/{missing}").headers["content-type"]
        )


def test_supervisors_of_the_grid_get_every_photo_of_its_records(api, in_process_app, seed):
    photos = _push_with_photos(api)
    for person in ("p-sup", "p-sup2"):  # T1 (above the venue's grid) and V1
        boss = InProcessDevice(in_process_app, seed, person)
        for sha, data in photos.values():
            got = boss.get(f"/blobs/{sha}")
            assert got.status_code == 200 and got.content == data, person
            assert boss.head(f"/blobs/{sha}").status_code == 200


def test_an_inspector_sees_finding_photos_of_the_grid_but_not_other_inspections(
    api, in_process_app, seed
):
    photos = _push_with_photos(api)
    colleague = InProcessDevice(in_process_app, seed, "p-insp")  # the same person, new device
    assert colleague.get(f"/blobs/{photos['finding'][0]}").status_code == 200
    assert colleague.get(f"/blobs/{photos['event'][0]}").status_code == 200
    # Inspections travel to supervisors only, and so do the photos of their answers.
    assert colleague.get(f"/blobs/{photos['answer'][0]}").status_code == 404


def test_uploading_the_same_bytes_is_idempotent_and_proves_possession(api, in_process_app, seed):
    photos = _push_with_photos(api)
    sha, data = photos["answer"]
    assert api.put(f"/blobs/{sha}", data).status_code == 200  # again: nothing new
    other = InProcessDevice(in_process_app, seed, "p-insp2")
    wrong = other.put(f"/blobs/{sha}", data + b"x")
    assert wrong.status_code == 400  # checked, even though the server holds the sha
    assert other.get(f"/blobs/{sha}").status_code == 404
    assert other.put(f"/blobs/{sha}", data).status_code == 200
    assert other.get(f"/blobs/{sha}").content == data  # it had the bytes all along


def test_a_database_from_before_blob_scopes_is_filled_in_at_start_up(api, in_process_app, seed):
    photos = _push_with_photos(api)
    db = server_db.current()
    with db.connection_context():
        db.drop_tables([BlobRef])
    forget_schema()
    server_db.init_schema()
    boss = InProcessDevice(in_process_app, seed, "p-sup")
    for sha, data in photos.values():
        assert boss.get(f"/blobs/{sha}").content == data
    other = InProcessDevice(in_process_app, seed, "p-insp2")
    assert other.get(f"/blobs/{photos['finding'][0]}").status_code == 404
    assert api.head(f"/blobs/{photos['answer'][0]}").status_code == 200  # still the uploader's
