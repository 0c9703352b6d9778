"""On the patrols screen (ctrl+g) a supervisor closes a run of their grid left open on a
lost device: c on its window (shown in the footer there, and nowhere else) asks why in a
dialog that says what closing does; Esc closes it with nothing queued; a reason queues
the close for the next sync, the row says it waits, and after the sync it reads as closed
by the supervisor. An inspector's screen has no such key."""

from __future__ import annotations

import pytest
from patrol_support import run_started
from people_support import pin_the_synced_key
from pilot_support import footer_keys_seen, open_screen, settle
from textual.widgets import DataTable, Input, Label

from fieldapp.i18n import t
from fieldapp.services.patrols import close, runs
from fieldapp.services.syncing import runs as syncing
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.patrol_close import PatrolCloseDialog
from fieldapp.tui.screens.patrols import PatrolsScreen
from sync.client.base import ServerUnavailable

pytestmark = pytest.mark.usefixtures("chinese")
WINDOW = "06:30-09:00"


def _open_on_a_lost_device(make_device, server_workdir, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    lost, run, _route_id, signed, _clock = run_started(
        make_device, server_workdir, monkeypatch, "lost", ["CP-01"]
    )
    runs.record_scan(run.id, signed["CP-01"], "wedge")
    with lost.client() as client:
        assert client.sync_once().ok  # the run open on record, then the device is lost
    return run.id


async def _on_the_window(app, pilot) -> PatrolsScreen:  # type: ignore[no-untyped-def]
    screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
    table = screen.query_one("#patrols-attendance", DataTable)
    assert screen.data is not None
    [row] = [n for n, r in enumerate(screen.data.rows) if r.window == WINDOW]
    table.focus()
    table.move_cursor(row=row)
    await settle(app, pilot, rounds=2)
    return screen


async def test_a_supervisor_closes_a_run_open_on_a_lost_device_from_the_patrols_screen(
    make_device, server_workdir, monkeypatch
) -> None:
    run_id = _open_on_a_lost_device(make_device, server_workdir, monkeypatch)
    boss = make_device("boss").enroll("p-sup2")
    with boss.client() as client:
        assert client.sync_once().ok
    pin_the_synced_key()
    with pytest.MonkeyPatch.context() as offline:  # the close waits for the network
        offline.setattr(syncing, "probe", _unreachable)
        await _close_offline(run_id)

    with boss.client() as client:  # back online: sent, then the run pulled closed
        assert client.sync_once().ok
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _on_the_window(app, pilot)
        assert str(screen.query_one("#patrols-refusal", Label).render()) == t(
            "patrol.close_run.by_supervisor", supervisor="赵六"
        )
        assert "close_run" not in footer_keys_seen(screen)


def _unreachable(timeout: float = 3.0) -> syncing.Reach:
    return syncing.Reach(False, ServerUnavailable("the network dropped", 0))


async def _close_offline(run_id: str) -> None:
    """c on the window asks why; Esc queues nothing; a reason queues the close once."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _on_the_window(app, pilot)
        assert "close_run" in footer_keys_seen(screen)
        await pilot.press("c")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, PatrolCloseDialog)
        assert dialog.title_text == t("patrol.close_run.title", route="春节烟花爆竹巡逻",
                                      day="2026-02-04", window=WINDOW, walker="张三")  # fmt: skip
        assert "那台设备以后发出的到点记录和结束会被服务器拒收" in dialog.body_text
        await pilot.press("escape")  # nothing queued
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
        assert not Outbox.select().where(Outbox.type == close.OP_PATROL_RUN_CLOSE).exists()

        await pilot.press("c")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, PatrolCloseDialog)
        await pilot.press("enter")  # no reason: said in the dialog, which stays
        await settle(app, pilot)
        assert isinstance(app.screen, PatrolCloseDialog)
        app.screen.query_one("#patrol-close-reason", Input).value = "手机丢失，无备用设备"
        await pilot.press("enter")
        await settle(app, pilot, rounds=4)
        assert app.screen is screen
        assert close.closing([run_id]) == {run_id}
        assert "close_run" not in footer_keys_seen(screen)  # queued once
        assert str(screen.query_one("#patrols-refusal", Label).render()) == t(
            "patrol.close_run.waiting"
        )


async def test_an_inspector_has_no_close_key(make_device, server_workdir, monkeypatch) -> None:
    _open_on_a_lost_device(make_device, server_workdir, monkeypatch)
    teammate = make_device("teammate").enroll("p-insp")  # sees the run open elsewhere
    with teammate.client() as client:
        assert client.sync_once().ok
    pin_the_synced_key()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _on_the_window(app, pilot)
        assert screen.data is not None and not screen.data.supervisor
        assert "close_run" not in footer_keys_seen(screen)
        await pilot.press("c")
        await settle(app, pilot)
        assert app.screen is screen
