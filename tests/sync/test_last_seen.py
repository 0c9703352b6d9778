"""`fieldapp admin devices` says when each device was last seen, to the minute: the server
writes it down at a device's first call in a minute, not at every call (a write and a
commit per request would double the cost of a push)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sync_world import InProcessDevice

from fieldapp.cli import main
from sync.server import db as server_db

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards


def _last_seen(db_url: str, device_id: str) -> str:
    listed = CliRunner().invoke(main, ["--lang", "en", "admin", "--db", db_url, "devices"])
    assert listed.exit_code == 0, listed.output
    [line] = [line for line in listed.output.splitlines() if line.startswith(device_id)]
    return line.split("\t")[-1]  # the last column: last seen


def test_a_device_calling_often_is_seen_once_a_minute(api: InProcessDevice, server_db_url: str):
    assert _last_seen(server_db_url, api.device_id) == "-"  # enrolled, not yet called
    for _ in range(3):  # again if a minute turns between the two calls
        assert api.get("/pull").status_code == 200
        first = _last_seen(server_db_url, api.device_id)
        assert api.get("/pull").status_code == 200
        again = _last_seen(server_db_url, api.device_id)
        if server_db.now_iso()[:16] == first[:16]:
            break
    assert first != "-" and again == first
