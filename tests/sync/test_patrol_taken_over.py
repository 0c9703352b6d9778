"""One inspector, two devices, the first lost mid-run: the run it started and synced open
shows on the second as in progress there (另一设备进行中); Enter on it asks whether to take
it over here, saying the first device's unsent visits will not count. Taken over, the
second walks and finishes the window (the visits the first sent after the second last
pulled come to it); the server keeps the visits it held (a note added
on the first before the take-over included), refuses what the first sends later with the
reason, and counts the window once, walked."""

from __future__ import annotations

import datetime as dt

import pytest
from patrol_support import run_started
from people_support import pin_the_synced_key
from pilot_support import open_screen, settle
from textual.widgets import DataTable

from fieldapp.domain import patrols
from fieldapp.i18n import t
from fieldapp.services.common import refused_records
from fieldapp.services.common.refusal_reasons import reason_in_words, stored_params
from fieldapp.services.patrols import attendance, due, mine, runs
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import Checkpoint, PatrolRun, PatrolScan
from fieldapp.store.refused_records import PATROL_RUN_SUBMIT
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.screens.patrols import PatrolsScreen
from sync.client.base import ServerUnavailable
from sync.server import db as server_db
from sync.server import patrols as server_patrols
from sync.server.patrol_models import PatrolRun as ServerRun
from sync.server.patrol_models import PatrolScan as ServerScan

pytestmark = pytest.mark.usefixtures("chinese")
DAY = dt.date(2026, 2, 4)
CODES = ["CP-01", "CP-02", "CP-03", "CP-04"]


def _lost_midway(make_device, server_workdir, monkeypatch):  # type: ignore[no-untyped-def]
    """The first device starts the run, sends CP-01 and a note on it, and is lost."""
    first, run, _route_id, signed, clock = run_started(
        make_device, server_workdir, monkeypatch, "first", CODES
    )
    visit = runs.record_scan(run.id, signed["CP-01"], "wedge")
    with first.client() as client:
        assert client.sync_once().ok  # the run open on record with CP-01
    second = make_device("second").enroll("p-insp")
    with second.client() as client:
        assert client.sync_once().ok  # pulls the run open, CP-01 without a note
    first.open()
    runs.annotate(visit.scan_id, note="东口无人值守")
    with first.client() as client:
        assert client.sync_once().ok  # the note on record before the take-over
    return first, second, run, signed, clock


async def _take_over_on_screen(run_id: str) -> None:
    """Enter on the run open elsewhere asks; no keeps it there, yes opens it here."""
    pin_the_synced_key()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        table = screen.query_one("#patrols-due", DataTable)
        assert str(table.get_row_at(0)[3]) == "另一设备进行中"
        table.focus()
        await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.title_text == t("patrol.take_over.title", route="春节烟花爆竹巡逻")
        assert "本机同步之后，它再发出的记录和结束会被服务器拒收" in dialog.body_text
        await pilot.press("enter")  # a reflex Enter: no (the safe answer)
        await settle(app, pilot, rounds=3)
        assert app.screen is screen and mine.open_run() is None
        assert not Outbox.select().where(Outbox.type == "patrol_run.take_over").exists()
        await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        assert app.screen.patrol_run_id == run_id
    assert mine.open_run().id == run_id  # this device's now: walked and finished here


async def test_a_run_taken_over_is_finished_here_and_the_lost_device_is_refused(
    make_device, server_workdir, monkeypatch
) -> None:
    first, second, run, signed, clock = _lost_midway(make_device, server_workdir, monkeypatch)
    visit = runs.record_scan(run.id, signed["CP-02"], "wedge")  # the first's, never sent
    runs.finish_run(run.id)

    second.open()
    await _take_over_on_screen(run.id)
    for code in CODES[1:]:
        assert runs.record_scan(run.id, signed[code], "wedge").accepted
    runs.finish_run(run.id)
    with second.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        held = ServerRun.get_by_id(run.id)
        assert held.finished_at is not None
        scans = list(ServerScan.select().where(ServerScan.run == run.id))
        assert len(scans) == 4 and visit.scan_id not in {s.id for s in scans}
        [east] = [s for s in scans if s.checkpoint == _point("CP-01")]
        assert east.note == "东口无人值守"  # the finish here did not carry the copy pulled

    first.open()  # found again: its late visit and finish are refused, with the reason
    with first.client() as client:
        result = client.sync_once()
    assert [r.code for r in result.rejected] == ["patrol_run_taken_over"] * 2, result
    refused = Outbox.select().where(Outbox.state == "rejected")
    why = {reason_in_words(op.refusal_code, stored_params(op.refusal_params), op.last_error)
           for op in refused}  # fmt: skip
    assert why == {t("refusal.patrol_run_taken_over", route="春节烟花爆竹巡逻")}
    # the run is on record there: its window is not the server's refusal here
    assert refused_records.refusals(PATROL_RUN_SUBMIT, [run.id]) == {}
    with server_db.current().connection_context():
        assert ServerRun.get_by_id(run.id).finished_at == held.finished_at
        assert ServerScan.select().where(ServerScan.run == run.id).count() == 4
        judged = server_patrols.attendance(DAY, DAY, now=clock.local_naive())
    morning = [a for _r, _d, w, a in judged if w.label == "06:30-09:00"]
    assert [(a.status, len(a.done)) for a in morning] == [(patrols.ON_TIME, 4)]  # once

    second.open()
    with second.client() as client:
        assert client.sync_once().ok
    rows = [r for r in attendance.attendance(DAY, now=clock.local_naive())
            if r.window == "06:30-09:00"]  # fmt: skip
    assert [(r.status, r.done) for r in rows] == [(patrols.ON_TIME, 4)]
    assert PatrolRun.select().count() == 1


async def test_the_lost_device_found_mid_run_sees_the_run_taken_over(
    make_device, server_workdir, monkeypatch
) -> None:
    first, second, run, signed, _clock = _lost_midway(make_device, server_workdir, monkeypatch)
    runs.record_scan(run.id, signed["CP-03"], "wedge")
    with first.client() as client:
        assert client.sync_once().ok  # sent after the second device last pulled
    runs.record_scan(run.id, signed["CP-02"], "wedge")  # never sent before the take-over

    second.open()
    await _take_over_on_screen(run.id)
    with second.client() as client:
        assert client.sync_once().ok
    held = {s.checkpoint for s in PatrolScan.select().where(PatrolScan.run == run.id)}
    assert held == {_point("CP-01"), _point("CP-03")}  # the visits the server holds

    first.open()
    with first.client() as client:
        result = client.sync_once()
    assert [r.code for r in result.rejected] == ["patrol_run_taken_over"], result
    assert mine.open_run() is None  # walked on the other device now, not resumed here
    [listed] = due.due_now()
    assert (listed.run_id, listed.elsewhere) == (None, True)
    with pytest.raises(runs.TakenOver):  # taken over from here: not continued, not taken back
        runs.finish_run(run.id)


def _point(code: str) -> str:
    return str(Checkpoint.get(Checkpoint.code == code).id)


async def test_the_device_taken_over_from_shows_the_servers_visits_not_its_refused_ones(
    make_device, server_workdir, monkeypatch
) -> None:
    """The tester's case: the second device takes over and sends CP-02; the first, found,
    visits CP-03 and syncs. Its visit is refused, but the window is not: the first shows
    the server's 2/4, the run taken over on another device (not in progress, not offered
    to continue or take back), and CP-03 as not counted."""
    first, second, run, signed, clock = _lost_midway(make_device, server_workdir, monkeypatch)
    second.open()
    await _take_over_on_screen(run.id)
    assert runs.record_scan(run.id, signed["CP-02"], "wedge").accepted
    with second.client() as client:
        assert client.sync_once().ok

    first.open()
    assert runs.record_scan(run.id, signed["CP-03"], "wedge").accepted  # open here still
    with first.client() as client:
        result = client.sync_once()
    assert [r.code for r in result.rejected] == ["patrol_run_taken_over"], result
    [row] = [r for r in attendance.attendance(DAY, now=clock.local_naive())
             if r.window == "06:30-09:00"]  # fmt: skip
    assert (row.refused, row.status, row.done) == (False, patrols.OPEN, 2)  # the server's
    [listed] = due.due_now()
    assert (listed.elsewhere, listed.taken_over, listed.done) == (True, True, 2)
    view = due.run_view(run.id)
    assert view.taken_over and not view.finished
    states = {line.code: (line.done, line.not_counted) for line in view.lines}
    assert states == {"CP-01": (True, False), "CP-02": (True, False),
                      "CP-03": (False, True), "CP-04": (False, False)}  # fmt: skip
    with pytest.raises(runs.TakenOver):
        runs.start_run(listed.route_id)

    pin_the_synced_key()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        table = screen.query_one("#patrols-due", DataTable)
        assert [str(c) for c in table.get_row_at(0)[2:]] == ["2/4", "另一设备已接手"]
        table.focus()
        await pilot.press("enter")  # explained, not the take-over question
        await settle(app, pilot, rounds=3)
        assert app.screen is screen
        assert t("patrol.refused.taken_over", route="春节烟花爆竹巡逻") in [
            n.message for n in app._notifications
        ]
        app.push_screen(PatrolRunScreen(run.id))
        await settle(app, pilot, rounds=3)
        status = str(app.screen.query_one("#patrol-run-status").render())
        assert t("patrol.run.taken_over") in status and "剩余" not in status
        points = app.screen.query_one("#patrol-run-points", DataTable)
        assert str(points.get_row_at(2)[2]) == t("patrol.run.not_counted")


async def test_the_refusal_alone_marks_the_run_taken_over_when_the_pull_fails(
    make_device, server_workdir, monkeypatch
) -> None:
    """The first device, found, sends a visit: refused as taken over, but the pull of that
    sync fails (the network dropped). The refusal says enough: the run is not resumed or
    continued here, and reads as taken over, before any pull brings it."""
    first, second, run, signed, _clock = _lost_midway(make_device, server_workdir, monkeypatch)
    second.open()
    await _take_over_on_screen(run.id)
    assert runs.record_scan(run.id, signed["CP-02"], "wedge").accepted
    with second.client() as client:
        assert client.sync_once().ok
    taken_on = second.device_id

    first.open()
    assert runs.record_scan(run.id, signed["CP-03"], "wedge").accepted  # open here still
    with first.client() as client:

        def dropped(*_args: object, **_kwargs: object) -> None:
            raise ServerUnavailable("the network dropped", 0)

        monkeypatch.setattr(client, "pull", dropped)
        result = client.sync_once()
    assert [r.code for r in result.rejected] == ["patrol_run_taken_over"], result
    assert result.errors  # nothing pulled: the run is still this device's as last pulled
    assert mine.open_run() is None
    [listed] = due.due_now()
    assert (listed.run_id, listed.elsewhere, listed.taken_over) == (None, True, True)
    assert due.run_view(run.id).taken_over
    with pytest.raises(runs.TakenOver):
        runs.record_scan(run.id, signed["CP-04"], "wedge")

    with first.client() as client:  # the next pull brings the server's run
        assert client.sync_once().ok
    [listed] = due.due_now()
    assert (listed.elsewhere, listed.taken_over, listed.done) == (True, True, 2)
    assert PatrolRun.get_by_id(run.id).device_id == taken_on
