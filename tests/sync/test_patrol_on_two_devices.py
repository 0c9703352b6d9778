"""One inspector, two devices: a run started on the first and synced open reaches the
second as theirs, in progress. The second shows it (另一设备进行中) but neither
resumes it (ctrl+g, a scan, a note) nor starts the window again: its visits and its
finish are the first device's to send, and the server takes one finish of a run. Enter on
it asks whether to take it over (test_patrol_taken_over); declined, nothing changes."""

from __future__ import annotations

import re

import pytest
from patrol_support import run_started
from people_support import pin_the_synced_key
from pilot_support import open_screen, settle
from textual.widgets import DataTable

from fieldapp.i18n import t
from fieldapp.services.patrols import due, mine, placard_start, runs
from fieldapp.services.syncing.runs import sync_status
from fieldapp.store.patrol_models import PatrolRun
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.patrols import PatrolsScreen
from sync.server import db as server_db
from sync.server.patrol_models import PatrolRun as ServerRun

pytestmark = pytest.mark.usefixtures("chinese")


async def test_a_run_open_on_my_other_device_is_shown_there_not_resumed_here(
    make_device, server_workdir, monkeypatch
) -> None:
    first, run, route_id, signed, _clock = run_started(
        make_device, server_workdir, monkeypatch, "first", ["CP-01", "CP-02"]
    )
    visit = runs.record_scan(run.id, signed["CP-01"], "wedge")
    with first.client() as client:
        assert client.sync_once().ok  # the visit sent, the run open on record

    second = make_device("second").enroll("p-insp")
    with second.client() as client:
        assert client.sync_once().ok
    pulled = PatrolRun.get_by_id(run.id)
    assert (pulled.status, pulled.person) == ("open", "p-insp")
    assert mine.open_run() is None  # not mine to resume here
    [listed] = due.due_now()
    assert (listed.run_id, listed.elsewhere) == (None, True)
    assert not sync_status().patrol_open  # nothing of it for this device to send
    elsewhere = re.escape(t("patrol.refused.open_elsewhere", route=listed.name))
    with pytest.raises(runs.PatrolRefused, match=elsewhere):
        runs.start_run(route_id)  # the window again: a second run of it
    with pytest.raises(runs.PatrolRefused, match=elsewhere):
        runs.record_scan(run.id, signed["CP-02"], "wedge")
    with pytest.raises(runs.PatrolRefused, match=elsewhere):
        runs.annotate(visit.scan_id, note="东口无人值守")
    found = placard_start.patrol_of_placard("CP-02")  # as a scan outside a run finds it
    assert found is not None and found.run_id == ""  # not resumed here
    with pytest.raises(runs.PatrolRefused, match=elsewhere):
        runs.start_run(found.route_id)  # nor started, as a scanner's burst would

    pin_the_synced_key()  # the app starts past the set-PIN screen
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        table = screen.query_one("#patrols-due", DataTable)
        route, _window, _done, left = (str(cell) for cell in table.get_row_at(0))
        assert left == "另一设备进行中" and "进行中" not in route  # shown, not to resume
        table.focus()
        await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, ConfirmDialog)  # take it over here?
        await pilot.press("escape")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen
    assert mine.open_run() is None
    assert PatrolRun.select().count() == 1

    first.open()  # the first device still has it as its own, and finishes it
    assert mine.open_run().id == run.id
    runs.finish_run(run.id)
    with first.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        assert ServerRun.get_by_id(run.id).finished_at is not None
    second.open()
    with second.client() as client:
        assert client.sync_once().ok
    assert PatrolRun.get_by_id(run.id).status == "finished"
    assert due.due_now() == []  # finished on the other device: the window is done
