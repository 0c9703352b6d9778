"""A fireworks key-day patrol for tests: four checkpoints of V1 and a route over them,
patrolled from 2026-01-20 (before the key days the tests walk).

`import_patrols(workdir)` imports them into the server database the sync tests seed
(grids T1>V1>A1, T1>V2; p-insp works V1), and returns the route's id;
`run_started` starts a run of it at 06:40 on a key day on an enrolled device, and
`run_sent_halfway` walks one on a device that is then lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

CHECKPOINTS_CSV = """code,name,kind,grid,address,contact
CP-01,鼎美村东口,village_entrance,V1,鼎美村东,张三
CP-02,鼎美村烟花销售点,fireworks_point,V1,鼎美村2号,
CP-03,鼎美村消火栓1号,hydrant,A1,鼎美村3号,
CP-04,鼎美村消防室,fire_room,V1,村委会,
"""

ROUTES_CSV = """code,name,grid,checkpoints,days,windows,ordered,people,team,starts_on
FW-01,春节烟花爆竹巡逻,V1,CP-01;CP-02;CP-03;CP-04,daily,06:30-09:00;18:00-20:00,是,p-insp,,2026-01-20
"""


def import_patrols(workdir: Path) -> str:
    from sync.server import db as server_db
    from sync.server.patrol_import import import_checkpoints, import_routes
    from sync.server.patrol_models import PatrolRoute

    (workdir / "checkpoints.csv").write_text(CHECKPOINTS_CSV, encoding="utf-8")
    (workdir / "routes.csv").write_text(ROUTES_CSV, encoding="utf-8")
    with server_db.current().connection_context():
        import_checkpoints(workdir / "checkpoints.csv")
        import_routes(workdir / "routes.csv")
        return str(PatrolRoute.get(PatrolRoute.code == "FW-01").id)


def placards(codes: list[str]) -> dict[str, str]:
    """Signed placard texts for checkpoint codes, with the server's key (made if none)."""
    from sync.server import db as server_db
    from sync.server import placard_keys

    with server_db.current().connection_context():
        placard_keys.ensure_key()
        signer = placard_keys.signing_key()
        return {code: signer.sign(code) for code in codes}


def local(day: str, hhmm: str):  # type: ignore[no-untyped-def]
    """The aware UTC moment of a local wall-clock time where the device is: the office's
    once a sync said its zone, this machine's before."""
    import datetime as dt

    from fieldapp.domain.clock import wall_clock

    naive = dt.datetime.fromisoformat(f"{day}T{hhmm}")
    return wall_clock(naive).astimezone(dt.UTC)


class FrozenClock:
    """`fieldapp.domain.clock` set to a local time (monkeypatch its `_now`): that time
    where the device is, so still that time once a sync told it the office's zone."""

    def __init__(self, monkeypatch, day: str, hhmm: str) -> None:  # type: ignore[no-untyped-def]
        from fieldapp.domain import clock

        self.day, self.hhmm, self.fixed = day, hhmm, None
        monkeypatch.setattr(clock, "_now", lambda: self.moment)

    @property
    def moment(self):  # type: ignore[no-untyped-def]
        return self.fixed or local(self.day, self.hhmm)

    @moment.setter
    def moment(self, value) -> None:  # type: ignore[no-untyped-def]
        self.fixed = value

    def set(self, hhmm: str) -> None:
        self.hhmm, self.fixed = hhmm, None

    def local_naive(self):  # type: ignore[no-untyped-def]
        from fieldapp.domain.clock import wall_clock

        return wall_clock(self.moment).replace(tzinfo=None)


class StartedRun(NamedTuple):
    device: Any  # the inspector's enrolled device
    run: Any  # the run started on it
    route_id: str
    signed: dict[str, str]  # checkpoint code -> its signed placard text
    clock: FrozenClock


def run_started(  # type: ignore[no-untyped-def]
    make_device, server_workdir, monkeypatch, device: str, codes: list[str]
) -> StartedRun:
    """FW-01 imported, placards signed for `codes`, the clock at 06:40 on 2026-02-04 (in
    the morning window), the inspector's device `device` enrolled and synced (the route
    reaches it), and a run of FW-01 started on it."""
    from fieldapp.services.patrols import runs

    route_id = import_patrols(server_workdir)
    signed = placards(codes)
    clock = FrozenClock(monkeypatch, "2026-02-04", "06:40")
    enrolled = make_device(device).enroll("p-insp")
    with enrolled.client() as client:
        assert client.sync_once().ok
    return StartedRun(enrolled, runs.start_run(route_id), route_id, signed, clock)


def run_sent_halfway(make_device, server_workdir, monkeypatch, *, finish: bool = True):  # type: ignore[no-untyped-def]
    """The inspector's only device sends CP-01 of FW-01's 06:30 window on 2026-02-04,
    records CP-02 (and finishes the run, unless `finish` is False) and is lost before it
    sends them. Returns the device, the run and the frozen clock."""
    from fieldapp.services.patrols import runs

    lost, run, _route_id, signed, clock = run_started(
        make_device, server_workdir, monkeypatch, "lost", ["CP-01", "CP-02"]
    )
    runs.record_scan(run.id, signed["CP-01"], "wedge")
    with lost.client() as client:
        assert client.sync_once().ok  # the run open on record with CP-01
    assert runs.record_scan(run.id, signed["CP-02"], "wedge").accepted  # never sent
    if finish:
        runs.finish_run(run.id)  # nor its finish
    return lost, run, clock
