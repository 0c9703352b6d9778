"""`fieldapp sync` on a device whose disk is full (its home on a small tmpfs, filled),
against a real server: the sync could not record its own failure either, and the command
ended in a traceback. It now says the storage is full, that the records are kept and
where to free space, in the UI's language, and exits 1 (not everything went through)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from full_disk import FullDisk, full_disk  # noqa: F401 - the fixture
from people_support import pin_the_synced_key
from pilot_support import at_home, settle
from sync_world import Device, LiveServer, Seed, inspection_submit
from textual.widgets import Static

from fieldapp.i18n import sentences, set_language, t
from fieldapp.store import close_store
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.sync import SyncScreen

FIELDAPP = Path(sys.executable).with_name("fieldapp")


def _synced_with_one_waiting(disk: FullDisk, server: LiveServer, seed: Seed) -> None:
    """An enrolled device that synced before (its grids, the personal-data key), one
    inspection waiting to be sent."""
    device = Device(disk.home, server).enroll("p-insp")
    with device.client() as client:
        assert client.sync_once().ok
    device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sync_on_a_full_disk_says_so(
    full_disk: FullDisk,  # noqa: F811
    live_server: LiveServer,
    seed: Seed,
    lang: str,
) -> None:
    _synced_with_one_waiting(full_disk, live_server, seed)
    full_disk.fill()
    close_store()
    env = {**os.environ, "FIELDAPP_HOME": str(full_disk.home)}
    ran = subprocess.run(
        [str(FIELDAPP), "--lang", lang, "sync"], capture_output=True, text=True, env=env,
        timeout=120, check=False,
    )  # fmt: skip
    said = ran.stdout + ran.stderr
    assert "Traceback" not in said, said
    set_language(lang)
    try:
        full = t("storage_full.sync", folder=str(full_disk.home.resolve()))
        expected = [t("sync.error", error=full), t("sync.pending", count=1)]
    finally:
        set_language("zh")
    assert ran.stderr.splitlines() == expected, said
    assert ran.returncode == 1, said


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_f12_on_a_full_disk_says_so_on_the_sync_screen(
    full_disk: FullDisk,  # noqa: F811
    live_server: LiveServer,
    seed: Seed,
    lang: str,
) -> None:
    _synced_with_one_waiting(full_disk, live_server, seed)
    pin_the_synced_key()  # the app asks for no PIN first
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await at_home(app, pilot)
            full_disk.fill()
            await pilot.press("f12")
            await settle(app, pilot, rounds=6)
            assert isinstance(app.screen, SyncScreen)
            state = " ".join(str(app.screen.query_one("#sync-state", Static).render()).split())
            error = " ".join(str(app.screen.query_one("#sync-error", Static).render()).split())
            full = t("storage_full.sync", folder=str(full_disk.home.resolve()))
            expected = t("sync_ui.error.title", error=sentences([full]))  # each a sentence
            crashed, offline = t("sync_ui.crashed"), t("sync_ui.status.offline")
    finally:
        set_language("zh")
    assert crashed not in state and offline not in state, state
    assert error == expected, error
