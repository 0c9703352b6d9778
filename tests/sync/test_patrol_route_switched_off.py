"""A patrol walked today stays in attendance when the office switches its route off the
same day (`admin import-routes` with active=no): the run (two scans, on the server) was
listed under "no patrol scheduled", on the inspector's device, the supervisor's and the
server, while "Patrols due now" still showed the open run. A window walked is judged as
walked; the route's window nobody walked is no longer due, so it is not missed."""

from __future__ import annotations

import datetime as dt

from patrol_support import ROUTES_CSV, run_started

from fieldapp.domain import patrols
from fieldapp.services.patrols import attendance, due, runs
from fieldapp.store.patrol_models import PatrolRoute
from sync.server import db as server_db
from sync.server import patrols as server_patrols
from sync.server.patrol_import import import_routes

DAY = dt.date(2026, 2, 4)
MORNING = "06:30-09:00"


def _switch_off(workdir) -> None:  # type: ignore[no-untyped-def]
    header, row = ROUTES_CSV.strip().splitlines()
    (workdir / "routes-off.csv").write_text(f"{header},active\n{row},no\n", encoding="utf-8")
    with server_db.current().connection_context():
        import_routes(workdir / "routes-off.csv")


def _windows(now: dt.datetime) -> list[tuple[str, str, int]]:
    return [(r.window, r.status, r.done) for r in attendance.attendance(DAY, now=now)]


def test_a_walked_run_stays_in_attendance_after_its_route_is_switched_off(
    make_device, seed, server_workdir, monkeypatch
):
    worker, run, route_id, signed, clock = run_started(
        make_device, server_workdir, monkeypatch, "worker", ["CP-01", "CP-03"]
    )
    assert runs.record_scan(run.id, signed["CP-01"], "wedge").accepted
    assert runs.record_scan(run.id, signed["CP-03"], "wedge").accepted
    _switch_off(server_workdir)
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    assert not PatrolRoute.get_by_id(route_id).active

    # Still open: due now and in attendance agree; the evening window is not due.
    assert [(d.route_id, d.window, d.done) for d in due.due_now()] == [(route_id, MORNING, 2)]
    assert _windows(clock.local_naive()) == [(MORNING, patrols.OPEN, 2)]

    runs.finish_run(run.id)
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    clock.set("21:00")  # both windows over: the walked one partly done, the other not missed
    assert _windows(clock.local_naive()) == [(MORNING, patrols.PARTIAL, 2)]
    assert due.due_now() == []
    with server_db.current().connection_context():
        judged = server_patrols.attendance(DAY, DAY, now=clock.local_naive())
    assert [(w.label, a.status, len(a.done)) for _r, _d, w, a in judged] == [
        (MORNING, patrols.PARTIAL, 2)
    ]

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    assert _windows(clock.local_naive()) == [(MORNING, patrols.PARTIAL, 2)]
