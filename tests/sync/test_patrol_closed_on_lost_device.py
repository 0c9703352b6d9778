"""The lost device of a run the office closed (`fieldapp admin patrol-close`), found and
synced: its window is not the server's refusal (服务器拒收) but the run the office closed,
counted by the visits the server holds, and the visits this device sent after the close
are marked as not counted, whether the run was still open here or finished here."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from patrol_support import run_sent_halfway
from people_support import pin_the_synced_key
from pilot_support import open_screen, settle
from textual.widgets import DataTable

from fieldapp.cli import main
from fieldapp.domain import patrols
from fieldapp.i18n import set_language, t
from fieldapp.services.common import refused_records
from fieldapp.services.patrols import attendance, due, runs, visits
from fieldapp.store.refused_records import PATROL_RUN_SUBMIT
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.screens.patrols import PatrolsScreen
from fieldapp.tui.views.patrol_run import run_status

pytestmark = pytest.mark.usefixtures("chinese")
DAY = dt.date(2026, 2, 4)


def _lost_and_closed(make_device, server_workdir, server_db_url, monkeypatch, *, finish: bool):  # type: ignore[no-untyped-def]
    """The lost device sends CP-01, records CP-02 (and finishes, when asked) unsent; the
    office closes the window; the device, found, syncs."""
    lost, run, clock = run_sent_halfway(make_device, server_workdir, monkeypatch, finish=finish)
    closed = CliRunner().invoke(main, [
        "admin", "--db", server_db_url, "patrol-close", "--route", "FW-01",
        "--day", DAY.isoformat(), "--window", "06:30-09:00",
    ])  # fmt: skip
    assert closed.exit_code == 0, closed.output
    lost.open()
    with lost.client() as client:
        result = client.sync_once()
    assert {r.code for r in result.rejected} == {"patrol_run_closed"}, result
    return run, clock


@pytest.mark.parametrize("finish", [False, True], ids=["open", "finished"])
async def test_the_lost_device_shows_the_run_closed_by_the_office(
    make_device, server_workdir, server_db_url, monkeypatch, finish: bool
) -> None:
    run, clock = _lost_and_closed(make_device, server_workdir, server_db_url, monkeypatch,
                                  finish=finish)  # fmt: skip
    assert refused_records.refusals(PATROL_RUN_SUBMIT, [run.id]) == {}  # on record there
    [row] = [r for r in attendance.attendance(DAY, now=clock.local_naive())
             if r.window == "06:30-09:00"]  # fmt: skip
    assert (row.refused, row.status, row.done) == (False, patrols.PARTIAL, 1)  # the server's
    view = due.run_view(run.id)
    assert view.closed_by_office and view.finished and not view.taken_over
    states = {line.code: (line.done, line.not_counted) for line in view.lines}
    assert states == {"CP-01": (True, False), "CP-02": (False, True),
                      "CP-03": (False, False), "CP-04": (False, False)}  # fmt: skip
    assert "办公室" in run_status(view)
    walked = visits.window_visits(run.route_id, run.day, run.window)  # v, as the office has it
    assert [v.checkpoint_code for v in walked.visits] == ["CP-01"]
    with pytest.raises(runs.PatrolRefused, match="办公室"):
        runs.record_scan(run.id, "CP-02", "typed")
    set_language("en")
    assert "closed by the office" in run_status(view)
    set_language("zh")

    pin_the_synced_key()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        table = screen.query_one("#patrols-attendance", DataTable)
        statuses = [str(table.get_row_at(n)[2]) for n in range(table.row_count)]
        assert t("patrol.status.partial") in statuses and t("refused.mark") not in statuses
        app.push_screen(PatrolRunScreen(run.id))
        await settle(app, pilot, rounds=3)
        status = str(app.screen.query_one("#patrol-run-status").render())
        assert t("patrol.run.closed_by_office") in status
        points = app.screen.query_one("#patrol-run-points", DataTable)
        assert str(points.get_row_at(1)[2]) == t("patrol.run.not_counted")
