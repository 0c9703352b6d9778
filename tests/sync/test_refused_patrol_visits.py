"""A checkpoint visit the server refuses (here the office took the checkpoint off the
route after the device pulled it) marks its run refused, as a refused finish does: the
attendance reads 服务器拒收 and its visits do not count. Sending again or discarding takes
the run's visits with its finish: sent again, every op the server did not take goes, in
order, and the server holds each visit once; discarded, the visits still waiting go too."""

from __future__ import annotations

import datetime as dt

import pytest
from patrol_support import FrozenClock, import_patrols
from people_support import pin_the_synced_key
from pilot_support import open_screen
from textual.widgets import DataTable

from fieldapp.services.common import refused_records
from fieldapp.services.patrols import attendance, runs
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import Checkpoint, PatrolRun
from fieldapp.store.refused_records import PATROL_RUN_SUBMIT
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrols import PatrolsScreen
from sync.server import db as server_db
from sync.server.patrol_models import PatrolRoute as ServerRoute
from sync.server.patrol_models import PatrolRun as ServerRun
from sync.server.patrol_models import PatrolScan as ServerScan

pytestmark = pytest.mark.usefixtures("chinese")
DAY = dt.date(2026, 2, 4)


def _route_without(code: str | None) -> None:
    """The office's route: every checkpoint but `code` (all of them: None)."""
    with server_db.current().connection_context():
        route = ServerRoute.get(ServerRoute.code == "FW-01")
        keep = [cid for cid in route.checkpoints if cid != _point(code)] if code else None
        route.checkpoints = keep or [_point(c) for c in ("CP-01", "CP-02", "CP-03", "CP-04")]
        route.save()


def _point(code: str | None) -> str:
    return str(Checkpoint.get(Checkpoint.code == code).id) if code else ""


def _a_visit_refused(make_device, server_workdir, monkeypatch):  # type: ignore[no-untyped-def]
    route_id = import_patrols(server_workdir)
    FrozenClock(monkeypatch, "2026-02-04", "06:40")
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    _route_without("CP-02")  # the office takes CP-02 off; the device does not know yet
    run = runs.start_run(route_id)
    runs.record_manual(run.id, _point("CP-01"), "placard_missing")
    runs.record_manual(run.id, _point("CP-02"), "placard_missing")
    with worker.client() as client:
        result = client.sync_once()
    assert [r.code for r in result.rejected] == ["scan_off_route"], result.rejected
    return worker, run


def _morning() -> attendance.AttendanceRow:
    return next(r for r in attendance.attendance(DAY) if r.window == "06:30-09:00")


def _states() -> list[tuple[str, str]]:
    return [(op.type, op.state) for op in Outbox.select().order_by(Outbox.seq)]


async def test_a_refused_visit_marks_its_run_and_is_sent_again_with_its_finish(
    make_device, server_workdir, monkeypatch
) -> None:
    worker, run = _a_visit_refused(make_device, server_workdir, monkeypatch)
    row = _morning()
    assert (row.refused, row.refused_run, row.done) == (True, run.id, 0)
    pin_the_synced_key()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        table = screen.query_one("#patrols-attendance", DataTable)
        assert [str(c) for c in table.get_row_at(0)[:3]] == [
            DAY.isoformat(),
            "06:30-09:00",
            "服务器拒收",
        ]
    [visit_seq] = [op.seq for op in Outbox.select().where(Outbox.state == "rejected")]

    runs.finish_run(run.id)  # finished all the same: the finish carries CP-02, refused too
    with worker.client() as client:
        assert [r.code for r in client.sync_once().rejected] == ["scan_off_route"]
    assert _states() == [
        ("patrol_run.visit", "acked"), ("patrol_run.visit", "rejected"),
        ("patrol_run.submit", "rejected"),
    ]  # fmt: skip

    _route_without(None)  # the office puts CP-02 back; the older refusal is sent again
    assert refused_records.send_again(visit_seq) == run.id
    assert _states()[1:] == [("patrol_run.visit", "pending"), ("patrol_run.submit", "pending")]
    assert not _morning().refused
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    assert {state for _type, state in _states()} == {"acked"}
    with server_db.current().connection_context():
        assert ServerRun.get_by_id(run.id).finished_at is not None
        assert ServerScan.select().where(ServerScan.run == run.id).count() == 2  # once each
    row = _morning()
    assert (row.refused, row.done) == (False, 2)


def test_a_run_discarded_for_a_refused_visit_takes_its_waiting_visits_along(
    make_device, server_workdir, monkeypatch
) -> None:
    worker, run = _a_visit_refused(make_device, server_workdir, monkeypatch)
    runs.record_manual(run.id, _point("CP-03"), "placard_missing")  # not sent yet
    refusal = refused_records.refusals(PATROL_RUN_SUBMIT, [run.id])[run.id]
    assert refused_records.discard(refusal.seq) == run.id
    assert PatrolRun.get_or_none(PatrolRun.id == run.id) is None
    assert _states() == [
        ("patrol_run.visit", "acked"), ("patrol_run.visit", "discarded"),
        ("patrol_run.visit", "discarded"),
    ]  # fmt: skip
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():  # CP-01 was taken before; nothing since
        assert ServerScan.select().where(ServerScan.run == run.id).count() == 1


def test_a_refused_visit_no_longer_counts_once_its_runs_finish_is_taken(
    make_device, server_workdir, monkeypatch
) -> None:
    """The finish carries every visit: once the server took it, the visit refused before
    is on record there, and the run is not refused here (nothing to send again)."""
    worker, run = _a_visit_refused(make_device, server_workdir, monkeypatch)
    assert _morning().refused
    _route_without(None)
    runs.finish_run(run.id)
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    assert _states()[1:] == [("patrol_run.visit", "rejected"), ("patrol_run.submit", "acked")]
    row = _morning()
    assert (row.refused, row.refused_run, row.done) == (False, None, 2)
    with server_db.current().connection_context():
        assert ServerScan.select().where(ServerScan.run == run.id).count() == 2


def test_a_note_on_a_refused_visit_is_refused_with_it_and_sent_again_with_it(
    make_device, server_workdir, monkeypatch
) -> None:
    """A note added to the refused visit queues it again: refused as the visit was, sent
    again with it (in order: the visit, then its note), and on record while the run is
    still walked."""
    worker, run = _a_visit_refused(make_device, server_workdir, monkeypatch)
    cp02 = runs.scan_for(run.id, _point("CP-02"))
    assert cp02 is not None
    runs.annotate(cp02.id, note="标牌已补")
    with worker.client() as client:
        assert [r.code for r in client.sync_once().rejected] == ["scan_off_route"]
    assert _states() == [("patrol_run.visit", "acked")] + [("patrol_run.visit", "rejected")] * 2
    assert _morning().refused

    _route_without(None)
    [first, _note] = [op.seq for op in Outbox.select().where(Outbox.state == "rejected")]
    assert refused_records.send_again(first) == run.id
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    assert {state for _type, state in _states()} == {"acked"}
    with server_db.current().connection_context():
        assert ServerRun.get_by_id(run.id).finished_at is None
        assert ServerScan.select().where(ServerScan.run == run.id).count() == 2
        assert ServerScan.get_by_id(cp02.id).note == "标牌已补"
    row = _morning()
    assert (row.refused, row.done) == (False, 2)
