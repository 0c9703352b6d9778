"""The demo's two devices show the same due dates once both have synced: the venues'
history from before the program reaches the supervisor through the server, and the first
pull of a fresh device dates its venues as any sync does. Both hold the server's placard
keys straight after `fieldapp demo --build-only`, so its placards scan offline at once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.paths import store_path
from fieldapp.services.demo import server as demo_server
from fieldapp.store.models import Outbox, PlacardKey, Venue
from fieldapp.store.opening import close_store, open_store
from sync.server import db as server_db
from sync.server import placard_keys

pytestmark = pytest.mark.slow

Dates = dict[str, tuple[dt.date | None, dt.date | None]]


def _dates(home: Path) -> Dates:
    open_store(store_path(home))
    try:
        return {v.code: (v.last_inspected_on, v.due_on) for v in Venue.select()}
    finally:
        close_store()


def _keys_and_pending(home: Path) -> tuple[set[str], int]:
    open_store(store_path(home))
    try:
        keys = {k.key_id for k in PlacardKey.select().where(~PlacardKey.revoked)}
        return keys, Outbox.select().where(Outbox.state == "pending").count()
    finally:
        close_store()


def _built_demo(tmp_path: Path, *options: str) -> Path:
    """`fieldapp demo --venues 40 --build-only` in a new home; that home."""
    home = tmp_path / "demo"
    built = CliRunner().invoke(
        main, ["demo", "--home", str(home), "--venues", "40", "--build-only", *options]
    )
    assert built.exit_code == 0, built.output
    return home


def test_inspector_and_supervisor_agree_on_every_due_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "demo"
    runner = CliRunner()
    for role in ("inspector", "supervisor"):
        built = runner.invoke(
            main, ["demo", "--home", str(home), "--venues", "40", "--build-only", "--as", role]
        )
        assert built.exit_code == 0, built.output
    server_db.open_database(demo_server.server_db_url(home))
    with server_db.current().connection_context():
        server_key = placard_keys.current_key_id()
    inspector_keys, waiting = _keys_and_pending(home)
    assert server_key in inspector_keys
    assert waiting > 0  # the inspector's own work still waits for its first F12
    assert server_key in _keys_and_pending(home / "supervisor")[0]
    # Before either syncs again, the supervisor's first pull already dates the history.
    inspector, supervisor = _dates(home), _dates(home / "supervisor")
    assert sum(1 for last, _ in supervisor.values() if last is not None) > 20
    server = demo_server.DemoServer(home).start()
    try:
        for device_home in (home, home / "supervisor"):
            monkeypatch.setenv("FIELDAPP_HOME", str(device_home))
            synced = runner.invoke(main, ["sync"])
            assert synced.exit_code == 0, synced.output
    finally:
        server.stop()
    inspector, supervisor = _dates(home), _dates(home / "supervisor")
    assert len(inspector) == 40
    differing = {code for code in inspector if inspector[code] != supervisor.get(code)}
    assert not differing, {c: (inspector[c], supervisor.get(c)) for c in sorted(differing)}


async def test_the_demo_inspector_is_asked_for_the_device_pin_at_once(
    tmp_path: Path,
) -> None:
    """The demo's first pull brings the personal-data key: the TUI asks for the device PIN
    at once, not "sync once first" when the grid worker saves a family offline."""
    from people_support import PIN
    from pilot_support import settle
    from textual.widgets import Input

    from fieldapp.store import keyring
    from fieldapp.tui.app import make_app
    from fieldapp.tui.screens.lock import SetPinScreen

    home = _built_demo(tmp_path)
    open_store(store_path(home))
    try:
        assert keyring.state() == keyring.CLEAR
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot, rounds=2)
            assert isinstance(app.screen, SetPinScreen)
            for field in ("#lock-pin", "#lock-pin-again"):
                app.screen.query_one(field, Input).focus()
                await pilot.press(*PIN, "enter")
                await settle(app, pilot, rounds=2)
            assert not isinstance(app.screen, SetPinScreen)
        assert keyring.state() == keyring.UNLOCKED
    finally:
        close_store()


def test_a_supervisor_trying_the_demo_alone_has_hazards_to_review(tmp_path: Path) -> None:
    """`fieldapp demo --as supervisor` on a fresh home: the colleague's inspections are
    handed in first, so the review queue is not empty until an inspector syncs."""
    from fieldapp.store.models import Finding

    home = _built_demo(tmp_path, "--as", "supervisor")
    open_store(store_path(home / "supervisor"))
    try:
        assert Finding.select().where(Finding.state != "closed").count() > 0
    finally:
        close_store()


def test_the_demo_inspector_has_households_of_their_grids_to_follow_up(tmp_path: Path) -> None:
    """People (F11) is not empty in the demo: the office's registry reached the device, a
    family, an old person living alone and tenants in each of the inspector's grids, and
    their ID numbers are sealed on the device (shown masked until the PIN opens them)."""
    from fieldapp.store.models import PersonGrid, SyncState
    from fieldapp.store.people_models import Household, HouseholdMember

    home = _built_demo(tmp_path)
    open_store(store_path(home))
    try:
        me = SyncState.get_by_id(1).person
        mine = {link.grid_code for link in PersonGrid.select().where(PersonGrid.person == me)}
        households = list(Household.select())
        assert len(households) >= 3
        assert all(any(h.grid_code.startswith(code) for code in mine) for h in households)
        tags = {tag for m in HouseholdMember.select() for tag in m.tags}
        assert {"elderly_alone", "tenant", "left_behind_child"} <= tags
        sealed = [m.id_number for m in HouseholdMember.select()]
        assert all(sealed) and not any(n[:6] == "350211" for n in sealed)  # not in clear
    finally:
        close_store()


def test_the_demo_stores_are_left_in_wal_mode(tmp_path: Path) -> None:
    """The demo fills both stores with a rollback journal (each page written once), then
    puts them back in WAL mode: the app reads its home screen while a sync writes, and the
    server answers one device while another pushes."""
    home = _built_demo(tmp_path)
    for path in (store_path(home), home / "server" / "server.sqlite3"):
        with closing(sqlite3.connect(path)) as store:
            assert store.execute("PRAGMA journal_mode").fetchone() == ("wal",), path
            assert store.execute("PRAGMA integrity_check").fetchone() == ("ok",), path
