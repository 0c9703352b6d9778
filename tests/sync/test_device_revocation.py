"""`fieldapp admin revoke`: the one device revoked is refused from its next call on, told
so in words and in the wire's `error` code; the others keep syncing; the trail and the
device list say which device, whose, and when. A token the server never issued is told to
enrol, not that it was revoked."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import httpx
import pytest
from click.testing import CliRunner
from sync_world import Device

from fieldapp.cli import main
from sync.protocol import API_PREFIX
from sync.server import admin, audit
from sync.server import db as server_db

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

REVOKED = "this device was revoked by the administrator; enrol it again"
NOT_ENROLLED = "this device is not enrolled with this server; enrol it again"


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["--lang", "en", *args], env=env, catch_exceptions=False)


def _pull(device: Device, token: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    return httpx.get(f"{device.server.url}{API_PREFIX}/pull", headers=headers, timeout=30)


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_revoking_one_inspectors_laptop_leaves_anothers_syncing(
    make_device: Callable[[str], Device],
) -> None:
    lost = make_device("lost-laptop").enroll("p-insp")
    lost_id, lost_token = lost.device_id, lost.token
    other = make_device("other-laptop").enroll("p-insp2")
    other_id = other.device_id
    db_url = lost.server.db_url
    before = dt.datetime.now(dt.UTC)
    revoked = _run("admin", "--db", db_url, "revoke", lost_id)
    after = dt.datetime.now(dt.UTC)
    assert revoked.exit_code == 0, revoked.output
    assert f"Device {lost_id} revoked; its next call will be refused." in revoked.output

    with other.client() as client:
        assert client.sync_once().ok
    synced = _run("sync", env={"FIELDAPP_HOME": str(other.home)})
    assert synced.exit_code == 0, synced.output

    answer = _pull(lost, lost_token)
    assert answer.status_code == 401
    assert answer.json() == {"error": "device_revoked", "message": REVOKED}
    refused = _run("sync", env={"FIELDAPP_HOME": str(lost.home)})
    assert refused.exit_code == 3
    assert REVOKED in refused.output

    listed = _run("admin", "--db", db_url, "devices").output.splitlines()[1:]  # under the header
    assert [line.split("\t")[:2] for line in listed] == [[lost_id, "Revoked"], [other_id, "Active"]]  # fmt: skip
    with server_db.current().connection_context():
        when = {d.id: d.revoked_at for d in admin.list_devices()}
    assert when[other_id] is None and when[lost_id] is not None
    assert before <= _utc(when[lost_id]) <= after


def test_the_trail_says_which_device_was_revoked_and_whose_it_was(
    make_device: Callable[[str], Device],
) -> None:
    lost = make_device("lost-laptop").enroll("p-insp")
    db_url = lost.server.db_url
    assert _run("admin", "--db", db_url, "--actor", "p-sup", "revoke", lost.device_id).exit_code == 0  # fmt: skip
    shown = _run("admin", "--db", db_url, "audit", "--actor", "p-sup")
    assert shown.exit_code == 0, shown.output
    [line] = shown.output.splitlines()
    assert len(line.split("  ")) == 6, line  # time, actor, action, subject, device, detail
    _at, actor, action, subject, device, detail = line.split("  ", 5)
    assert (actor, action, subject, device) == ("p-sup", audit.DEVICE_REVOKED, lost.device_id, lost.device_id)  # fmt: skip
    assert json.loads(detail) == {"person": "p-insp"}


def test_a_token_the_server_never_issued_is_told_to_enrol(
    make_device: Callable[[str], Device],
) -> None:
    device = make_device("laptop").enroll("p-insp")
    answer = _pull(device, "not-a-token-this-server-issued")
    assert answer.status_code == 401
    assert answer.json() == {"error": "not_enrolled", "message": NOT_ENROLLED}
    from fieldapp.store.models import SyncState

    SyncState.update(token="not-a-token-this-server-issued").execute()
    refused = _run("sync", env={"FIELDAPP_HOME": str(device.home)})
    assert refused.exit_code == 3
    assert NOT_ENROLLED in refused.output
