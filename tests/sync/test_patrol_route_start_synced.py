"""A patrol route's start date over a real server: set by the office's import (or the day
a new route is imported), kept by a re-import that does not name it, pulled by the
devices of its grid, which then count no window before it as missed; and a server
database from before gets one for each route (its first run or first import) and sends it
to the devices."""

from __future__ import annotations

import datetime as dt

import pytest
from patrol_support import CHECKPOINTS_CSV, FrozenClock, import_patrols

from fieldapp.domain import patrols
from fieldapp.domain.ids import new_id
from fieldapp.services.patrols import attendance
from fieldapp.store.patrol_models import PatrolRoute
from sync.server import db as server_db
from sync.server import patrols as server_patrols
from sync.server.patrol_import import import_checkpoints, import_routes
from sync.server.patrol_models import Checkpoint as ServerCheckpoint
from sync.server.patrol_models import PatrolRoute as ServerRoute
from sync.server.tables import ImportRefused

HEADER = "code,name,grid,checkpoints,days,windows,people"
ROW = "FW-02,冬季防火巡逻,V1,CP-01;CP-04,daily,06:30-09:00,p-insp"


def _import(workdir, text: str) -> None:  # type: ignore[no-untyped-def]
    path = workdir / "routes.csv"
    path.write_text(text, encoding="utf-8")
    with server_db.current().connection_context():
        import_routes(path)


def _server_start() -> str:
    with server_db.current().connection_context():
        return str(ServerRoute.get(ServerRoute.code == "FW-02").starts_on)


def _missed_days(rows: list[attendance.AttendanceRow]) -> set[str]:
    return {r.day.isoformat() for r in rows if r.status in patrols.MISSED_STATUSES}


def test_the_import_sets_the_start_and_the_device_counts_from_it(
    make_device, server_workdir, monkeypatch: pytest.MonkeyPatch
) -> None:
    FrozenClock(monkeypatch, "2026-10-20", "10:00")
    (server_workdir / "cp.csv").write_text(CHECKPOINTS_CSV, encoding="utf-8")
    with server_db.current().connection_context():
        import_checkpoints(server_workdir / "cp.csv")
    _import(server_workdir, f"{HEADER}\n{ROW}\n")
    assert _server_start() == "2026-10-20"  # a new route: the day it is imported
    _import(server_workdir, f"{HEADER},starts_on\n{ROW},2026-11-01\n")
    assert _server_start() == "2026-11-01"
    _import(server_workdir, f"{HEADER}\n{ROW}\n")  # named again without it: kept
    assert _server_start() == "2026-11-01"
    with pytest.raises(ImportRefused) as refused:
        _import(server_workdir, f"{HEADER},starts_on\n{ROW},11/01/2026\n")
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "starts_on")]

    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    assert PatrolRoute.get(PatrolRoute.code == "FW-02").starts_on == "2026-11-01"
    clock = FrozenClock(monkeypatch, "2026-11-03", "12:00")
    rows = attendance.attendance(dt.date(2020, 1, 1), dt.date(2026, 11, 3))
    assert _missed_days(rows) == {"2026-11-01", "2026-11-02", "2026-11-03"}
    assert min(r.day for r in rows) == dt.date(2026, 11, 1)
    with server_db.current().connection_context():
        judged = server_patrols.attendance(
            dt.date(2020, 1, 1), dt.date(2026, 11, 3), now=clock.local_naive()
        )
    assert {d.isoformat() for _r, d, _w, a in judged if a.missed_post} == _missed_days(rows)


@pytest.mark.usefixtures("chinese_in_utc")
def test_a_new_route_starts_on_the_offices_day_not_the_servers(
    seed, server_workdir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server's clock is on UTC, the office in Shanghai: a route imported at 23:30 UTC
    on 12-05 without a start date is imported on 12-06 where the office is, and starts
    then (not a day early, with a window the office never meant counted as missed)."""
    from fieldapp.domain import clock

    monkeypatch.setenv("FIELDAPP_OFFICE_TZ", "Asia/Shanghai")
    moment = dt.datetime(2026, 12, 5, 23, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(clock, "_now", lambda: moment)
    (server_workdir / "cp.csv").write_text(CHECKPOINTS_CSV, encoding="utf-8")
    with server_db.current().connection_context():
        import_checkpoints(server_workdir / "cp.csv")
    _import(server_workdir, f"{HEADER}\n{ROW}\n")
    assert _server_start() == "2026-12-06"
    monkeypatch.setenv("FIELDAPP_OFFICE_TZ", "America/New_York")  # 18:30 on 12-05 there
    _import(server_workdir, f"{HEADER}\n{ROW.replace('FW-02', 'FW-03')}\n")
    with server_db.current().connection_context():
        assert ServerRoute.get(ServerRoute.code == "FW-03").starts_on == "2026-12-05"


def test_an_older_server_database_gives_its_routes_a_start_and_sends_it(
    make_device, live_server, server_workdir
) -> None:
    route_id = import_patrols(server_workdir)  # from 2026-01-20, as the import says
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    worker.enqueue("patrol_run.submit", {
        "id": new_id(), "route_id": route_id, "person": "p-insp", "day": "2026-02-04",
        "window": "06:30-09:00", "utc_offset": 480, "started_at": "2026-02-03T22:35:00Z",
        "finished_at": "2026-02-03T23:50:00Z", "scans": [],
    })  # fmt: skip
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result

    # The server as it was before routes had a start: on its next start it gives each one
    # the earliest of its first run and its first import (here the run, on 2026-02-04).
    live_server.restart_from_before("patrol_route", "starts_on")
    with server_db.current().connection_context():
        assert ServerRoute.get_by_id(route_id).starts_on == "2026-02-04"
    with worker.client() as client:
        assert client.sync_once().ok
    assert PatrolRoute.get_by_id(route_id).starts_on == "2026-02-04"  # sent again
    later = make_device("later").enroll("p-insp")  # a device enrolled after the upgrade
    with later.client() as client:
        assert client.sync_once().ok
    assert PatrolRoute.get_by_id(route_id).starts_on == "2026-02-04"


def test_a_run_sent_for_a_day_before_the_start_is_listed_early_on_the_server(
    make_device, server_workdir
) -> None:
    """A device that walked the route before it starts (it had not yet heard of the date,
    or the inspector went the day before): the server keeps the run and its attendance
    lists it as early — not missed, and not nowhere."""
    route_id = import_patrols(server_workdir)  # from 2026-01-20
    with server_db.current().connection_context():
        east = str(ServerCheckpoint.get(ServerCheckpoint.code == "CP-01").id)
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    worker.enqueue("patrol_run.submit", {
        "id": new_id(), "route_id": route_id, "person": "p-insp", "day": "2026-01-19",
        "window": "06:30-09:00", "utc_offset": 480, "started_at": "2026-01-18T22:35:00Z",
        "finished_at": "2026-01-18T23:50:00Z",
        "scans": [{"id": new_id(), "checkpoint_id": east, "at": "2026-01-18T22:40:00Z",
                   "source": "manual", "reason": "placard_missing"}],
    })  # fmt: skip
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        judged = server_patrols.attendance(
            dt.date(2026, 1, 18), dt.date(2026, 1, 19), now=dt.datetime(2026, 1, 20, 12, 0)
        )
    assert [(d.isoformat(), w.label, a.status, a.done, a.missed) for _r, d, w, a in judged] == [
        ("2026-01-19", "06:30-09:00", patrols.EARLY, (east,), ()),
    ]
