"""One-time enrolment codes as the administrator issues them and a person types them in:
what `fieldapp admin enroll-code` prints and the trail keeps, each refusal in words and in
the wire's `error` code, every code spent on its own, and a device named as it was."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from click.testing import CliRunner
from sync_world import REPO, LiveServer, enrolment_code

from fieldapp.cli import main
from sync.protocol import API_PREFIX
from sync.server import admin, audit
from sync.server import db as server_db
from sync.server.models import EnrollmentCode

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

CODE = re.compile(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b")
UNTIL = re.compile(
    r"Enrolment code for (.+?) \(single use, valid until (\d{4}-\d\d-\d\d \d\d:\d\d)\):"
)  # the office's time to the minute, as a person reads it (it was the stored ISO text)
USED = "this enrolment code was already used; ask for a new one"


def _run(*args: str, home: Path | None = None):
    env = {"FIELDAPP_HOME": str(home)} if home else None
    return CliRunner().invoke(main, ["--lang", "en", *args], env=env, catch_exceptions=False)


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _in_office(minute: str, zone: str = "Asia/Shanghai") -> dt.datetime:
    """A minute printed in the office's time zone, as a moment."""
    return dt.datetime.fromisoformat(minute).replace(tzinfo=ZoneInfo(zone))


def _wire_enrol(server: LiveServer, code: str, name: str = "laptop") -> httpx.Response:
    body = {"code": code, "device_name": name}
    return httpx.post(f"{server.url}{API_PREFIX}/enroll", json=body, timeout=30)


def _audit_lines(db_url: str, action: str) -> list[list[str]]:
    """`fieldapp admin audit` lines of `action`, as columns: at, actor, action, subject,
    device, detail."""
    shown = _run("admin", "--db", db_url, "audit")
    assert shown.exit_code == 0, shown.output
    return [line.split("  ", 5) for line in shown.output.splitlines() if f"  {action}  " in line]


def test_the_code_printed_says_whose_it_is_and_until_when_and_the_trail_agrees(
    seed, server_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The expiry is printed in the office's time zone to the minute (it printed the
    stored '2026-12-07T14:36:35.708476Z'); the trail keeps the exact UTC time."""
    monkeypatch.setenv("FIELDAPP_OFFICE_TZ", "America/New_York")
    before = dt.datetime.now(dt.UTC)
    issued = _run("admin", "--db", server_db_url, "enroll-code", "--person", "p-insp")
    assert issued.exit_code == 0, issued.output
    person, until = UNTIL.search(issued.output).groups()  # type: ignore[union-attr]
    assert person == "张三"  # by name, as the office knows them (it printed p-insp)
    day, minute = dt.timedelta(hours=24), dt.timedelta(minutes=1)
    assert before + day - minute <= _in_office(until, "America/New_York") <= before + day
    [line] = _audit_lines(server_db_url, audit.ENROLMENT_CODE_ISSUED)
    assert len(line) == 6 and line[3] == "p-insp"
    kept = _utc(json.loads(line[5])["expires_at"])
    assert kept.astimezone(ZoneInfo("America/New_York")).strftime("%Y-%m-%d %H:%M") == until
    chinese = CliRunner().invoke(
        main, ["--lang", "zh", "admin", "--db", server_db_url, "enroll-code", "--person", "p-insp"]
    )
    assert re.search(r"张三的注册码（\d{4}-\d\d-\d\d \d\d:\d\d 前有效，", chinese.output), (
        chinese.output
    )


def test_a_code_for_one_of_two_namesakes_says_the_id_too(seed, server_db_url: str) -> None:
    from sync.server.models import Person

    with server_db.current().connection_context():
        Person.create(id="p-insp9", name="张三", role="inspector")
    issued = _run("admin", "--db", server_db_url, "enroll-code", "--person", "p-insp")
    assert UNTIL.search(issued.output).group(1) == "张三 (p-insp)", issued.output  # type: ignore[union-attr]
    chinese = CliRunner().invoke(
        main, ["--lang", "zh", "admin", "--db", server_db_url, "enroll-code", "--person", "p-insp9"]
    )
    assert "张三（p-insp9）的注册码（" in chinese.output, chinese.output
    alone = _run("admin", "--db", server_db_url, "enroll-code", "--person", "p-sup")
    assert UNTIL.search(alone.output).group(1) == "李四", alone.output  # type: ignore[union-attr]


def test_a_code_for_someone_not_imported_is_refused_with_what_to_do(seed, server_db_url: str):
    refused = _run("admin", "--db", server_db_url, "enroll-code", "--person", "p-nobody")
    assert refused.exit_code == 1
    assert (
        "Error: There is no person with id p-nobody: check the id, or import people first"
        in refused.output
    )
    chinese = CliRunner().invoke(
        main,
        ["--lang", "zh", "admin", "--db", server_db_url, "enroll-code", "--person", "p-nobody"],
    )
    assert chinese.exit_code == 1
    assert (
        "错误：没有编号为 p-nobody 的人员：请检查编号，或先用 fieldapp admin import-people 导入人员"
        in chinese.output
    )
    assert CODE.search(refused.output) is None
    assert _audit_lines(server_db_url, audit.ENROLMENT_CODE_ISSUED) == []


def test_a_code_issued_on_a_server_in_china_time_lasts_24_hours(
    seed, server_db_url: str, tmp_path: Path
) -> None:
    """The server's local zone is Asia/Shanghai (UTC+8): the expiry is still 24 hours on."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "TZ": "Asia/Shanghai",
           "FIELDAPP_HOME": str(tmp_path / "admin"), "FIELDAPP_OFFICE_TZ": "Asia/Shanghai"}  # fmt: skip
    before = dt.datetime.now(dt.UTC)
    issued = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--lang", "en", "admin", "--db", server_db_url,
         "enroll-code", "--person", "p-insp"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    after = dt.datetime.now(dt.UTC)
    assert issued.returncode == 0, issued.stderr
    until = _in_office(UNTIL.search(issued.stdout).group(2))  # type: ignore[union-attr]
    day = dt.timedelta(hours=24)
    assert before + day - dt.timedelta(minutes=1) <= until <= after + day


def test_each_refusal_says_why_on_the_wire_and_at_the_command_line(
    live_server: LiveServer, tmp_path: Path
) -> None:
    used, expired = enrolment_code("p-insp"), enrolment_code("p-insp", hours=-1)
    assert _wire_enrol(live_server, used).status_code == 200
    for code, error, message, said in (
        ("ABCD-EFGH-JKLM", "enrolment_code_unknown",
         "this enrolment code is not known; check it or ask for a new one",
         "The server does not know this code: check it and type it again, or ask for a new one."),
        (used, "enrolment_code_used", USED,
         "This code was already used: ask your administrator for a new one."),
        (expired, "enrolment_code_expired", "this enrolment code has expired; ask for a new one",
         "This code has expired: ask your administrator for a new one."),
    ):  # fmt: skip
        answer = _wire_enrol(live_server, code)
        assert answer.status_code == 403
        assert answer.json() == {"error": error, "message": message}
        shown = _run("enroll", live_server.url, code, home=tmp_path / "field")
        assert shown.exit_code == 1  # the device's own words, not the server's English
        assert (
            shown.output == f"Error: Enrolment failed: {said} Nothing on this device was changed.\n"
        )


def test_a_code_spent_leaves_the_other_codes_usable(live_server: LiveServer) -> None:
    first, second = enrolment_code("p-insp"), enrolment_code("p-insp2")
    assert _wire_enrol(live_server, first).status_code == 200
    answer = _wire_enrol(live_server, second)
    assert answer.status_code == 200, answer.text
    assert answer.json()["person"]["id"] == "p-insp2"


def test_the_device_name_is_listed_and_in_the_trail_and_the_code_names_its_device(
    live_server: LiveServer,
) -> None:
    code = enrolment_code("p-insp")
    name = "巡查笔记本 " + "x" * 189  # 200 characters, the most the wire takes
    answer = _wire_enrol(live_server, code, name)
    assert answer.status_code == 200, answer.text
    device_id = answer.json()["device_id"]
    devices = _run("admin", "--db", live_server.db_url, "devices")
    assert f"{device_id}\tActive\tp-insp\t张三\tInspector\t{name}\t" in devices.output
    [line] = _audit_lines(live_server.db_url, audit.DEVICE_ENROLLED)
    assert len(line) == 6 and line[1:5] == ["p-insp", audit.DEVICE_ENROLLED, device_id, device_id]
    assert json.loads(line[5]) == {"device_name": name}
    with server_db.current().connection_context():  # which device spent which code
        spent = EnrollmentCode.get(EnrollmentCode.person == "p-insp")
        assert (spent.device, spent.used_at) == (device_id, admin.list_devices()[0].created_at)


def _wait_for_a_blocked_update(db_url: str) -> None:
    import psycopg

    deadline = time.monotonic() + 30
    with psycopg.connect(db_url, autocommit=True) as watcher:
        while time.monotonic() < deadline:
            waiting = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE%enrollment_code%'"
            ).fetchone()
            if waiting and waiting[0]:
                return
            time.sleep(0.02)
    raise AssertionError("the second enrolment never reached the code's row")


def test_two_devices_enrolling_with_one_code_at_once_one_is_told_it_was_used(
    live_server: LiveServer, server_db_url: str
) -> None:
    """Both read the code unused; the first to spend it wins. (PostgreSQL only: on SQLite
    an enrolment takes the write lock before it reads the code, so they cannot overlap.)"""
    if not server_db.is_postgres_url(server_db_url):
        pytest.skip("SQLite enrolments never overlap")
    import psycopg

    code = enrolment_code("p-insp")
    answers: list[httpx.Response] = []
    with psycopg.connect(server_db_url) as first:  # the first device's enrolment, uncommitted
        first.execute(
            "UPDATE enrollment_code SET used_at = %s, device = 'first' WHERE person_id = %s",
            (server_db.now_iso(), "p-insp"),
        )
        second = threading.Thread(target=lambda: answers.append(_wire_enrol(live_server, code)))
        second.start()
        _wait_for_a_blocked_update(server_db_url)
        first.commit()
    second.join(30)
    [answer] = answers
    assert answer.status_code == 403
    assert answer.json() == {"error": "enrolment_code_used", "message": USED}
    with server_db.current().connection_context():
        assert admin.list_devices() == [] and EnrollmentCode.get().device == "first"
