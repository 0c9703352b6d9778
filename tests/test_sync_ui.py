"""Sync in the TUI, the demo's own server, and placard keys that reach devices by pull.

Every test here runs a real `python -m sync.server` on loopback, seeded the way
`fieldapp demo` seeds it (from the demo store's rows), with the demo device enrolled.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, Static

from fieldapp.cli import main
from fieldapp.domain import placard
from fieldapp.i18n import set_language
from fieldapp.paths import store_path
from fieldapp.services.demo import server as demo_server
from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.services.placards.printing import verify_scan
from fieldapp.store.models import Outbox, SyncState, Venue
from fieldapp.store.opening import close_store, open_store
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.lock import SetPinScreen
from fieldapp.tui.screens.sync import SyncRequested, SyncScreen
from sync.client import SyncClient
from sync.server import auth, placard_keys
from sync.server import db as server_db

SIZE = (120, 36)
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def demo_server_running(demo_info: DemoInfo) -> Iterator[demo_server.DemoServer]:
    """The demo workspace with its server running and the inspector's device enrolled;
    the device's store is open again for the test."""
    home = demo_info.home
    server = demo_server.start_demo_server(home)
    try:
        demo_server.prepare_device(home, server, "inspector")
        open_store(store_path(home))
        yield server
    finally:
        server.stop()
        close_store()


def pending() -> int:
    return Outbox.select().where(Outbox.state == "pending").count()


def status_text(app: FieldApp) -> str:
    return str(app.screen_stack[1].query_one("#status", Static).render())


async def settle(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def until_probed(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """The first connection probe starts once home has shown its data (after a refresh),
    so it may not have begun when the first workers settle: wait for its answer."""
    for _ in range(100):
        await settle(app, pilot)
        if app.sync_view.online is not None:
            return
        await pilot.pause(0.1)
    raise AssertionError("the connection was never probed")


async def set_pin_if_asked(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """The device holds the personal-data key (the demo's first pull, or the first sync
    brings it): the app asks for a device PIN before anything else."""
    if isinstance(app.screen, SetPinScreen):
        for field in ("#lock-pin", "#lock-pin-again"):
            app.screen.query_one(field, Input).focus()
            await pilot.press(*"250913", "enter")
            await settle(app, pilot)


async def press_f12_and_wait(app: FieldApp, pilot) -> SyncScreen:  # type: ignore[no-untyped-def]
    await set_pin_if_asked(app, pilot)  # asked at start-up: F12 waits behind it
    await pilot.press("f12")
    await settle(app, pilot)
    await settle(app, pilot)
    await set_pin_if_asked(app, pilot)
    assert isinstance(app.screen, SyncScreen)  # and the sync screen is where it was
    return app.screen


async def test_f12_syncs_and_drains_the_outbox(demo_server_running: demo_server.DemoServer) -> None:
    waiting = pending()
    assert waiting > 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        assert f"在线 · 未同步记录：{waiting}" in status_text(app)
        screen = await press_f12_and_wait(app, pilot)
        state = str(screen.query_one("#sync-state", Static).render())
        assert f"上报 {waiting} 条" in state and "同步完成" in state
        for phase in ("photos", "push", "pull"):
            bar = screen.query_one(f"#sync-bar-{phase}")
            assert bar.percentage == 1  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(app, pilot)
        text = status_text(app)
        assert "在线 · 全部已同步 · 上次同步 " in text
    assert pending() == 0
    assert SyncState.get_by_id(1).last_sync_at


async def test_a_submit_syncs_in_the_background(
    demo_server_running: demo_server.DemoServer,
) -> None:
    assert pending() > 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        app.post_message(SyncRequested("inspection.submit"))  # what the summary posts
        await settle(app, pilot)
        await settle(app, pilot)
        assert not isinstance(app.screen, SyncScreen)  # no screen: it runs behind
        assert "全部已同步 · 上次同步" in status_text(app)
    assert pending() == 0


async def test_server_down_says_offline_and_keeps_everything(
    demo_server_running: demo_server.DemoServer,
) -> None:
    before = {row.op_id: row.state for row in Outbox.select()}
    demo_server_running.stop()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        assert "离线" in status_text(app)
        screen = await press_f12_and_wait(app, pilot)
        state = str(screen.query_one("#sync-state", Static).render())
        assert "离线" in state and "保存在本机" in state
        await pilot.press("escape")
        await settle(app, pilot)
        assert f"离线 · 未同步记录：{len([s for s in before.values() if s == 'pending'])}" in (
            status_text(app)
        )
    assert {row.op_id: row.state for row in Outbox.select()} == before


async def test_revoked_device_is_told_to_enrol_again(
    demo_server_running: demo_server.DemoServer,
) -> None:
    device_id = SyncState.get_by_id(1).device_id
    with server_db.current().connection_context():
        assert auth.revoke(device_id)
    waiting = pending()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        screen = await press_f12_and_wait(app, pilot)
        state = str(screen.query_one("#sync-state", Static).render())
        assert "需要重新注册" in state and "fieldapp enroll" in state
        await pilot.press("escape")
        await settle(app, pilot)
        assert "需重新注册" in status_text(app)
    assert pending() == waiting


def test_demo_command_seeds_the_server_and_enrols_both_devices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "demo"
    runner = CliRunner()
    built = runner.invoke(main, ["demo", "--home", str(home), "--venues", "40", "--build-only"])
    assert built.exit_code == 0, built.output
    assert "http://127.0.0.1:" in built.output
    supervisor = runner.invoke(
        main, ["demo", "--home", str(home), "--build-only", "--as", "supervisor"]
    )
    assert supervisor.exit_code == 0, supervisor.output
    server = demo_server.DemoServer(home).start()
    try:
        for device_home in (home, home / "supervisor"):
            monkeypatch.setenv("FIELDAPP_HOME", str(device_home))
            synced = runner.invoke(main, ["sync"])
            assert synced.exit_code == 0, synced.output
        # The supervisor's device now holds the inspector's hazards and its venues.
        open_store(store_path(home / "supervisor"))
        assert Venue.select().count() == 40
        assert SyncState.get_by_id(1).person != ""
    finally:
        server.stop()
        close_store()


def _sync() -> None:
    with SyncClient.from_store(max_retries=0) as client:
        result = client.sync_once()
    assert not result.errors, result.errors


def test_placard_keys_rotate_and_revoke_through_the_server(
    demo_server_running: demo_server.DemoServer,
) -> None:
    venue = Venue.select().order_by(Venue.code).first()
    with server_db.current().connection_context():
        first = placard_keys.signing_key()
    old = first.sign(venue.code)
    assert verify_scan(old).ok  # pulled when the demo enrolled the device, before any F12
    _sync()
    assert verify_scan(old).ok

    with server_db.current().connection_context():
        second_id = placard_keys.rotate()
        new = placard_keys.signing_key().sign(venue.code)
    assert second_id != first.key_id
    _sync()
    assert verify_scan(old).ok, "a placard of the old key still verifies after rotation"
    assert verify_scan(new).ok

    with server_db.current().connection_context():
        assert placard_keys.revoke(first.key_id)
    assert verify_scan(old).ok  # offline, until the device syncs
    _sync()
    refused = verify_scan(old)
    assert refused.kind == placard.REVOKED and not refused.ok
    assert verify_scan(new).ok


def test_admin_placard_key_commands(demo_server_running: demo_server.DemoServer) -> None:
    runner = CliRunner()
    db = ["admin", "--db", demo_server_running.db_url]
    listed = runner.invoke(main, [*db, "placard-key", "list"])
    assert listed.exit_code == 0 and "current" in listed.output
    rotated = runner.invoke(main, [*db, "placard-key", "rotate"])
    assert rotated.exit_code == 0, rotated.output
    with server_db.current().connection_context():
        keys = placard_keys.list_keys()
    assert len(keys) == 2 and keys[-1].current
    revoked = runner.invoke(main, [*db, "placard-key", "revoke", keys[0].key_id])
    assert revoked.exit_code == 0 and keys[0].key_id in revoked.output
    unknown = runner.invoke(main, [*db, "placard-key", "revoke", "ZZZZZ"])
    assert unknown.exit_code == 1
