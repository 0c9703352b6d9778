"""A patrol finished inside its window with two of four checkpoints not visited: the
window is over then, not still in progress. The inspector's device, the server and the
supervisor's device (after a sync across the real server) all judge it partly done with
the two missed posts named; it is no longer due, and starting the route again in the
same window gives the finished run back (shown, not changed) instead of a second run."""

from __future__ import annotations

import datetime as dt

import pytest
from patrol_support import run_started

from fieldapp.domain import patrols
from fieldapp.services.patrols import attendance, due, runs
from fieldapp.store.patrol_models import PatrolRun, PatrolScan
from sync.server import db as server_db
from sync.server import patrols as server_patrols

DAY = dt.date(2026, 2, 4)


def test_a_run_finished_early_is_over_with_its_missed_posts_everywhere(
    make_device, seed, server_workdir, monkeypatch
):
    worker, run, route_id, signed, clock = run_started(
        make_device, server_workdir, monkeypatch, "worker", ["CP-01", "CP-03"]
    )
    assert runs.record_scan(run.id, signed["CP-01"], "wedge").accepted
    clock.set("06:50")
    assert runs.record_scan(run.id, signed["CP-03"], "wedge").accepted
    (open_row,) = [r for r in attendance.attendance(DAY, now=clock.local_naive())
                   if r.window == "06:30-09:00"]  # fmt: skip
    assert (open_row.status, open_row.missed) == (patrols.OPEN, ())
    runs.finish_run(run.id)
    clock.set("07:00")  # the window runs to 09:00, but this patrol is over

    # The inspector's device: partly done, the two missed posts named, no longer due.
    mine = [r for r in attendance.attendance(DAY, now=clock.local_naive())
            if r.window == "06:30-09:00"]  # fmt: skip
    assert [(r.status, r.done, r.total, r.missed) for r in mine] == [
        (patrols.PARTIAL, 2, 4, ("CP-02 鼎美村烟花销售点", "CP-04 鼎美村消防室"))
    ]
    assert due.due_now() == []
    view = due.run_view(run.id)
    assert view.finished and view.left == 2
    again = runs.start_run(route_id)  # Enter on the window again: the finished run, shown
    assert again.id == run.id and again.status == "finished"
    assert PatrolRun.select().count() == 1
    with pytest.raises(runs.PatrolRefused):
        runs.record_manual(run.id, view.lines[1].checkpoint_id, "placard_missing")
    assert PatrolScan.select().count() == 2

    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        judged = server_patrols.attendance(DAY, DAY, now=clock.local_naive())
    (morning,) = [a for _r, _d, w, a in judged if w.label == "06:30-09:00"]
    assert morning.status == patrols.PARTIAL and len(morning.missed) == 2

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    seen = [r for r in attendance.attendance(DAY, now=clock.local_naive())
            if r.window == "06:30-09:00"]  # fmt: skip
    assert [(r.status, r.done, r.missed) for r in seen] == [
        (patrols.PARTIAL, 2, ("CP-02 鼎美村烟花销售点", "CP-04 鼎美村消防室"))
    ]
