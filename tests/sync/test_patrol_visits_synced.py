"""Each checkpoint visit reaches the server as it is recorded (`patrol_run.visit`), not
only when the run is finished: a sync in the middle of a run sends its visits, the server
holds the run open with them, and the supervisor's device sees it being walked. Finishing
sends the whole run again without adding a visit twice; a visit op sent again (its answer
lost, or queued again under a new op id) is applied once."""

from __future__ import annotations

import datetime as dt
import json

from patrol_support import import_patrols, run_started

from fieldapp.domain import patrols
from fieldapp.services.patrols import attendance, runs
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import PatrolRun, PatrolScan
from sync.server import db as server_db
from sync.server import patrols as server_patrols
from sync.server.patrol_models import PatrolRun as ServerRun
from sync.server.patrol_models import PatrolScan as ServerScan

KEY_DAY = "2026-02-04"
DAY = dt.date(2026, 2, 4)
MORNING = "06:30-09:00"


def _server_morning(now: dt.datetime) -> patrols.Attendance:
    judged = server_patrols.attendance(DAY, DAY, now=now)
    return next(a for _r, _d, w, a in judged if w.label == MORNING)


def _seen_morning(now: dt.datetime) -> attendance.AttendanceRow:
    return next(r for r in attendance.attendance(DAY, now=now) if r.window == MORNING)


def test_visits_of_an_open_run_reach_the_server_and_the_supervisor_once(
    make_device, seed, server_workdir, monkeypatch
):
    worker, run, _route_id, signed, clock = run_started(
        make_device, server_workdir, monkeypatch, "worker", ["CP-01"]
    )
    scanned = runs.record_scan(run.id, signed["CP-01"], "wedge")
    assert scanned.accepted
    clock.set("06:50")
    typed = runs.record_scan(run.id, "CP-02", "typed")
    manual = runs.record_manual(run.id, typed.checkpoint_id, "placard_damaged", "标牌被撕")
    visits = list(Outbox.select().where(Outbox.type == "patrol_run.visit").order_by(Outbox.seq))
    assert len(visits) == 2 and Outbox.select().count() == 2  # no finish op: the run is open

    with worker.client() as client:  # the run is not finished: its visits go all the same
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        (held,) = ServerRun.select()
        assert (held.id, held.finished_at, held.person) == (run.id, None, "p-insp")
        kept = {s.id: s for s in ServerScan.select()}
        assert set(kept) == {scanned.scan_id, manual.id}
        assert kept[scanned.scan_id].check == "verified"
        assert (kept[manual.id].source, kept[manual.id].reason) == ("manual", "placard_damaged")
        morning = _server_morning(clock.local_naive())
    assert morning.status == patrols.OPEN and len(morning.done) == 2  # walked, not over

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    (seen,) = PatrolRun.select()
    assert (seen.id, seen.status, seen.finished_at) == (run.id, "open", None)
    assert {s.id for s in PatrolScan.select()} == {scanned.scan_id, manual.id}
    row = _seen_morning(clock.local_naive())
    assert (row.status, row.done, row.total) == (patrols.OPEN, 2, 4)

    worker.open()  # the inspector adds a note to a visit already sent, then finishes
    runs.annotate(scanned.scan_id, note="东口无人值守")
    clock.set("07:00")
    runs.finish_run(run.id)
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        (held,) = ServerRun.select()
        assert held.finished_at is not None
        assert ServerScan.select().count() == 2  # the finish added no visit twice
        assert ServerScan.get_by_id(scanned.scan_id).note == "东口无人值守"
        assert ServerScan.get_by_id(scanned.scan_id).check == "verified"
        assert _server_morning(clock.local_naive()).status == patrols.PARTIAL

    # The first visit sent again: as the same op (its answer lost), and queued again under
    # a new op id. Each is applied once: the server still holds two visits.
    Outbox.update(state="pending").where(Outbox.seq == visits[0].seq).execute()
    worker.enqueue("patrol_run.visit", json.loads(visits[0].payload))
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        assert ServerScan.select().count() == 2 and ServerRun.select().count() == 1
    assert Outbox.select().where(Outbox.state != "acked").count() == 0

    supervisor.open()
    with supervisor.client() as client:
        assert client.sync_once().ok
    (seen,) = PatrolRun.select()
    assert seen.status == "finished" and PatrolScan.select().count() == 2
    assert PatrolScan.get_by_id(scanned.scan_id).note == "东口无人值守"
    row = _seen_morning(clock.local_naive())
    assert (row.status, row.done) == (patrols.PARTIAL, 2)


def test_the_server_refuses_a_visit_it_cannot_take_and_an_old_device_still_finishes(
    api, server_workdir
):
    """A visit in another person's name, off the route, or new to a finished run is
    refused; a run sent whole by an older device (the finish alone) is kept as before."""
    from fieldapp.domain.ids import new_id
    from sync.server.patrol_models import Checkpoint

    route_id = import_patrols(server_workdir)
    with server_db.current().connection_context():
        ids = {c.code: c.id for c in Checkpoint.select()}
    header = {"route_id": route_id, "person": "p-insp", "day": KEY_DAY, "window": MORNING,
              "utc_offset": 480, "started_at": "2026-02-03T22:35:00Z"}  # fmt: skip

    def scan(code: str) -> dict:  # type: ignore[type-arg]
        return {"id": new_id(), "checkpoint_id": ids.get(code, code), "source": "manual",
                "at": "2026-02-03T22:40:00Z", "reason": "placard_missing"}  # fmt: skip

    run_id, first = new_id(), scan("CP-01")
    visit = api.op("patrol_run.visit", {**header, "run_id": run_id, "scan": first})
    finish = api.op("patrol_run.submit", {**header, "id": run_id, "finished_at":
                                          "2026-02-03T23:50:00Z", "scans": [first]})  # fmt: skip
    assert [r["status"] for r in api.answers([visit, visit, finish])] == [
        "applied",
        "duplicate",
        "applied",
    ]
    late = api.op("patrol_run.visit", {**header, "run_id": run_id, "scan": scan("CP-02")})
    other = api.op("patrol_run.visit", {**header, "run_id": new_id(), "person": "p-insp2",
                                        "scan": scan("CP-01")})  # fmt: skip
    off = api.op("patrol_run.visit", {**header, "run_id": new_id(), "scan": scan("elsewhere")})
    refused = api.answers([late, other, off])
    assert [r["status"] for r in refused] == ["rejected"] * 3
    assert refused[0]["reason_code"] == "already_submitted"
    assert refused[2]["reason_code"] == "scan_off_route"
    old_device = new_id()
    whole = api.op("patrol_run.submit", {**header, "id": old_device, "finished_at":
                                         "2026-02-03T23:50:00Z", "scans": [scan("CP-03")]})  # fmt: skip
    assert [r["status"] for r in api.answers([whole])] == ["applied"]
    with server_db.current().connection_context():
        assert ServerRun.select().count() == 2 and ServerScan.select().count() == 2
        assert ServerRun.get_by_id(old_device).finished_at == "2026-02-03T23:50:00Z"
