"""Each `fieldapp web` sign-in enrols a device (web:<user>) for the session's own store;
they piled up in `admin devices`, all 使用中, the signed-out ones too, with UTC times
(2026-12-07T08:24:10.111571Z) where `admin web-user list` says the office's local time.
Now a session's end (sign-out, ctrl+q or expiry: `Sessions.finish`) retires its device at
the server, listed as 已退出 / Signed out, and the list gives times as web-user list does.
A real `fieldapp web` and central server on loopback (the `world` of test_web.py)."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from test_web import PASSWORD, world  # noqa: F401 (world: fixture)

from fieldapp.cli import main
from sync.server import db as server_db
from sync.server.models import Device
from sync.server.office_time import office_minute


def _sign_in(base: str) -> httpx.Cookies:
    signed = httpx.post(
        f"{base}/login", data={"username": "li", "password": PASSWORD, "lang": "zh"}, timeout=90
    )
    assert signed.status_code == 302, signed.text
    return signed.cookies


def _devices(world: dict[str, Any], lang: str) -> list[list[str]]:  # noqa: F811
    database = f"sqlite:///{world['tmp'] / 'server' / 'server.sqlite3'}"
    listed = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", database, "devices"])
    assert listed.exit_code == 0, listed.output
    return [line.split("\t") for line in listed.output.splitlines()[1:]]


def test_a_sign_out_retires_the_sessions_device(
    world: dict[str, Any],  # noqa: F811 (the fixture)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FIELDAPP_OFFICE_TZ", "Asia/Shanghai")
    base = world["base"]
    sessions = [_sign_in(base) for _ in range(3)]
    for cookies in sessions[:2]:
        out = httpx.get(f"{base}/logout", cookies=cookies, timeout=90)  # syncs first
        assert out.headers["location"] == "/login?lang=zh&signed_out=1"
    web_devices = [row for row in _devices(world, "zh") if row[5] == "web:li"]
    assert sorted(row[1] for row in web_devices) == ["使用中", "已退出", "已退出"]
    english = [row for row in _devices(world, "en") if row[5] == "web:li"]
    assert sorted(row[1] for row in english) == ["Active", "Signed out", "Signed out"]
    with server_db.current().connection_context():
        device = Device.get_by_id(web_devices[0][0])
        assert web_devices[0][6] == office_minute(device.created_at)  # the office's time
    for row in _devices(world, "zh"):
        for stamp in row[6:8]:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d|-", stamp), stamp
    # The signed-out session's cookie opens nothing: the page asks to sign in.
    again = httpx.get(f"{base}/", cookies=sessions[0], follow_redirects=False)
    assert again.headers["location"] == "/login"
