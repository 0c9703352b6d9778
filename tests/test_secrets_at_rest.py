"""The device store holds the bearer token and people's data: the data directory is
owner-only (0700), the store file and its WAL owner-only (0600), narrowed back at start-up
when found wider; `fieldapp device-info` says who the device is without the token."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.paths import data_home, store_path
from fieldapp.services.common.identity import set_identity
from fieldapp.store.models import Person, SyncState
from fieldapp.store.opening import close_store, open_store

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

TOKEN = "tok-" + "s3cr3t" * 7


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_directory_and_store_are_owner_only(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "new" / "home"))
    old = os.umask(0o022)  # the usual umask would make them 0755 / 0644
    try:
        home = data_home()
        open_store(store_path())
        SyncState.create(id=1, token=TOKEN)  # a write: the WAL file exists now
    finally:
        os.umask(old)
        close_store()
    assert _mode(home) == 0o700
    assert _mode(home / "fieldapp.sqlite3") == 0o600
    wal = home / "fieldapp.sqlite3-wal"
    assert not wal.exists() or _mode(wal) == 0o600


def test_a_store_found_readable_by_others_is_narrowed_at_start_up(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("FIELDAPP_HOME", str(home))
    open_store(store_path(data_home()))
    SyncState.create(id=1, token=TOKEN)
    close_store()
    os.chmod(home, 0o755)
    for part in home.glob("fieldapp.sqlite3*"):
        os.chmod(part, 0o644)
    open_store(store_path(data_home()))  # what every start-up does
    try:
        assert _mode(home) == 0o700
        for part in home.glob("fieldapp.sqlite3*"):
            assert _mode(part) == 0o600, part
    finally:
        close_store()


def test_device_info_shows_device_person_and_server_but_never_the_token(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    open_store(store_path())
    Person.create(id="p-insp", name="张三", role="inspector")
    set_identity("p-insp", "dev-1234")
    SyncState.update(server_url="https://town.example", token=TOKEN).execute()
    close_store()
    shown = CliRunner().invoke(main, ["--lang", "en", "device-info"], catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    assert "dev-1234" in shown.output and "张三" in shown.output
    assert "https://town.example" in shown.output
    assert "held (not shown)" in shown.output
    assert TOKEN not in shown.output and "s3cr3t" not in shown.output
    assert f"Data directory: {tmp_path / 'home'}" in shown.output  # which store it read


def test_device_info_on_a_device_never_enrolled(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    shown = CliRunner().invoke(main, ["--lang", "en", "device-info"], catch_exceptions=False)
    close_store()
    assert shown.exit_code == 3 and "fieldapp enroll" in shown.output
    # Run without FIELDAPP_HOME by mistake: where it looked, and how to point elsewhere.
    assert f"data directory looked in: {tmp_path / 'home'}" in shown.output, shown.output
    assert "point FIELDAPP_HOME at it" in shown.output
    chinese = CliRunner().invoke(main, ["--lang", "zh", "device-info"], catch_exceptions=False)
    close_store()
    assert f"本设备尚未注册（查看的数据目录：{tmp_path / 'home'}）" in chinese.output
    assert "用环境变量 FIELDAPP_HOME 指向它。" in chinese.output
