"""A scheduled activity held in a village, recorded offline with a photo, reaches the
server and the supervisor's device (photo included) and leaves the due lists there;
a device of another village never sees it, and a stranger's grid is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from fieldapp.domain.clock import today
from fieldapp.services.activities import due, records
from fieldapp.services.common.photos import blob_path
from fieldapp.services.daily_report import reports
from fieldapp.store.activity_models import Activity
from fieldapp.store.models import Outbox
from sync.server import db as server_db
from sync.server.activity_models import Activity as ServerActivity


def _photo(tmp_path: Path) -> str:
    path = tmp_path / "消防室.png"
    Image.new("RGB", (64, 48), "blue").save(path)
    return str(path)


def _due(grid: str) -> set[str]:
    return {d.kind.code for d in due.due_activities() if d.grid_code == grid}


def test_an_activity_held_offline_reaches_the_supervisor(
    make_device, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = make_device("worker")
    monkeypatch.setenv("FIELDAPP_HOME", str(worker.home))
    worker.enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    assert "facility_check" in _due("V1")
    row = records.record_activity(records.ActivityForm(
        "facility_check", "V1", place="V1 消防室", minutes="水枪、水带齐全，消火栓出水正常",
        photo_files=[_photo(tmp_path)]))  # fmt: skip
    assert "facility_check" not in _due("V1")
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    assert Outbox.get(Outbox.type == "activity.record").state == "acked"
    with server_db.current().connection_context():
        stored = ServerActivity.get_by_id(row.id)
        assert (stored.grid_code, stored.type_code, stored.held_on) == (
            "V1",
            "facility_check",
            today().isoformat(),
        )

    supervisor = make_device("supervisor")
    monkeypatch.setenv("FIELDAPP_HOME", str(supervisor.home))
    supervisor.enroll("p-sup")  # T1
    with supervisor.client() as client:
        assert client.sync_once().ok
    held = Activity.get_by_id(row.id)
    assert held.minutes.startswith("水枪") and held.photos == row.photos
    assert blob_path(held.photos[0]).exists()
    assert "facility_check" not in _due("V1") and "facility_check" in _due("V2")
    assert reports.report_counts("T1", today())["activities_by_type"] == {"facility_check": 1}

    other = make_device("other")
    monkeypatch.setenv("FIELDAPP_HOME", str(other.home))
    other.enroll("p-insp2")  # V2
    with other.client() as client:
        assert client.sync_once().ok
    assert Activity.select().count() == 0
    # An activity of a grid that is not mine is refused by the server, not applied.
    Activity.create(id="0190b000-0000-7000-8000-0000000000f1", type_code="facility_check",
                    grid="V2", held_on=today(), place="x", minutes="y",
                    recorded_by="p-insp2", recorded_at="2026-01-01T00:00:00Z")  # fmt: skip
    forged = records.activity_payload(Activity.get_by_id("0190b000-0000-7000-8000-0000000000f1"))
    from fieldapp.services.common import outbox

    outbox.enqueue("activity.record", {**forged, "grid_code": "V1"})
    with other.client() as client:
        result = client.sync_once()
    assert result.rejected, result
    rejected = Outbox.get(Outbox.type == "activity.record")
    assert rejected.state == "rejected" and "V1" in (rejected.last_error or "")
    with server_db.current().connection_context():
        assert ServerActivity.get_or_none(ServerActivity.id == forged["id"]) is None
    assert json.loads(rejected.payload)["grid_code"] == "V1"
