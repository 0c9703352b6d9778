"""What is added to a checkpoint visit after it was sent (a note, a photo) reaches the
server while the run is still walked: `runs.annotate` queues the visit again, the server
updates the visit it holds, and the supervisor's device pulls it. The photo goes up before
its op; the finish adds nothing twice; the update sent again changes nothing; once the run
is finished, an older update of its visit undoes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from patrol_support import FrozenClock, import_patrols, placards
from PIL import Image

from fieldapp.services.patrols import runs
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import PatrolRun, PatrolScan
from sync.server import db as server_db
from sync.server.models import ChangeLog
from sync.server.patrol_models import PatrolRun as ServerRun
from sync.server.patrol_models import PatrolScan as ServerScan

NOTE = "东口无人值守"


def _visit_ops() -> list[Outbox]:
    return list(Outbox.select().where(Outbox.type == "patrol_run.visit").order_by(Outbox.seq))


def _run_changes(run_id: str) -> int:
    with server_db.current().connection_context():
        return ChangeLog.select().where(ChangeLog.record_id == run_id).count()


def _held(scan_id: str) -> ServerScan:
    with server_db.current().connection_context():
        return ServerScan.get_by_id(scan_id)


def test_a_note_and_photo_added_to_a_sent_visit_reach_the_grid_while_the_run_is_open(
    make_device, seed, server_workdir, live_server, tmp_path: Path, monkeypatch
):
    route_id = import_patrols(server_workdir)
    signed = placards(["CP-01"])
    clock = FrozenClock(monkeypatch, "2026-02-04", "06:40")
    worker = make_device("worker").enroll("p-insp")
    monkeypatch.setenv("FIELDAPP_HOME", str(worker.home))  # its photos go to its blobs
    with worker.client() as client:
        assert client.sync_once().ok
    run = runs.start_run(route_id)
    scan_id = runs.record_scan(run.id, signed["CP-01"], "wedge").scan_id
    with worker.client() as client:
        assert client.sync_once().ok
    assert (_held(scan_id).note, _held(scan_id).photos) == ("", [])

    photo = tmp_path / "东口.png"
    Image.new("RGB", (40, 30), (30, 120, 200)).save(photo)
    runs.annotate(scan_id, note=NOTE)
    runs.annotate(scan_id, note=NOTE)  # the same note saved again: nothing new to send
    sha = runs.annotate(scan_id, photos=[str(photo)]).photos[0]
    assert [json.loads(op.payload)["scan"]["note"] for op in _visit_ops()] == ["", NOTE, NOTE]
    assert json.loads(_visit_ops()[-1].payload)["scan"]["photos"] == [sha]
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected and result.blobs_uploaded == 1, result
    assert (live_server.blob_dir / sha[:2] / sha).is_file()  # before the visit naming it
    with server_db.current().connection_context():
        assert ServerRun.get_by_id(run.id).finished_at is None  # still walked
        assert ServerScan.select().count() == 1
    assert (_held(scan_id).note, _held(scan_id).photos) == (NOTE, [sha])
    assert _held(scan_id).check == "verified"  # its verdict stays

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    (seen,) = PatrolRun.select()
    assert (seen.id, seen.status) == (run.id, "open")
    (visit,) = PatrolScan.select()
    assert (visit.id, visit.note, visit.photos) == (scan_id, NOTE, [sha])

    # The update sent again under a new op id (queued twice): applied once, no new change.
    worker.open()
    changes = _run_changes(run.id)
    worker.enqueue("patrol_run.visit", json.loads(_visit_ops()[-1].payload))
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    assert _run_changes(run.id) == changes

    clock.set("07:00")
    runs.finish_run(run.id)
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        assert ServerRun.get_by_id(run.id).finished_at is not None
        assert ServerScan.select().count() == 1  # the finish added no visit twice
    assert (_held(scan_id).note, _held(scan_id).photos) == (NOTE, [sha])

    # An update queued before the finish, sent again after it: the run is finished, the
    # finish carried the visit's final state, so the older one is ignored, not refused.
    worker.enqueue("patrol_run.visit", json.loads(_visit_ops()[1].payload))
    changes = _run_changes(run.id)
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    assert (_held(scan_id).note, _held(scan_id).photos) == (NOTE, [sha])
    assert _run_changes(run.id) == changes
    assert Outbox.select().where(Outbox.state != "acked").count() == 0

    supervisor.open()
    with supervisor.client() as client:
        assert client.sync_once().ok
    assert PatrolRun.get_by_id(run.id).status == "finished"
    assert (PatrolScan.get_by_id(scan_id).note, PatrolScan.select().count()) == (NOTE, 1)
