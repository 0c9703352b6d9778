"""`fieldapp sync` on a locked device with people records waiting held them back and said
"unlock the app (ctrl+l) and sync again", a key only the app has. The command now asks the
device PIN as `fieldapp export` does (the shared helper) and sends them in the same run."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from people_support import CHEAP_KDF, PIN, returnee_family

from fieldapp.cli import main
from fieldapp.domain import device_pin
from fieldapp.i18n import set_language
from fieldapp.services.people import registry
from fieldapp.store import close_store, keyring
from fieldapp.store.models import Outbox


@pytest.mark.parametrize(("lang", "prompt"), [("zh", "设备密码："), ("en", "Device PIN: ")])
def test_sync_asks_the_pin_for_people_records_held_back(
    make_device, monkeypatch: pytest.MonkeyPatch, lang: str, prompt: str
) -> None:
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)
    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok  # its grids
    keyring.set_pin(PIN)  # from here people data is written sealed
    registry.save_household(returnee_family())
    keyring.lock()
    close_store()
    monkeypatch.setenv("FIELDAPP_HOME", str(worker.home))
    try:
        synced = CliRunner().invoke(main, ["--lang", lang, "sync"], input=f"{PIN}\n")
    finally:
        set_language("zh")
    assert synced.exit_code == 0, synced.output
    assert prompt in synced.output and "ctrl+l" not in synced.output, synced.output
    worker.open()
    assert [row.state for row in Outbox.select()] == ["acked"]  # sent in the same run
