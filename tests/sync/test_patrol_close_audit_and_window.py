"""`fieldapp admin patrol-close` writes who closed which run to the audit trail, as the
office's other actions do, and checks --window against the route's schedule: a window
the route does not have is refused as such (it said "no run in progress; nothing to
close", as if the window were right), one written 6:30-9:00 is the route's 06:30-09:00."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result
from patrol_support import FrozenClock, import_patrols, placards

from fieldapp.cli import main
from fieldapp.services.patrols import runs

pytestmark = pytest.mark.usefixtures("chinese")
DAY = "2026-02-04"


def _admin(url: str, lang: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", url, *args])


def _close(url: str, lang: str, window: str, *actor: str) -> Result:
    close = ["patrol-close", "--route", "FW-01", "--day", DAY, "--window", window]
    return _admin(url, lang, *actor, *close)


def test_a_close_is_in_the_audit_trail_naming_who_closed_which_run(
    make_device, server_workdir, server_db_url, monkeypatch
) -> None:
    route_id = import_patrols(server_workdir)
    signed = placards(["CP-01"])
    FrozenClock(monkeypatch, DAY, "06:40")
    lost = make_device("lost").enroll("p-insp")
    device_id = lost.device_id
    with lost.client() as client:
        assert client.sync_once().ok  # the route reaches the device
    run = runs.start_run(route_id)
    runs.record_scan(run.id, signed["CP-01"], "wedge")
    with lost.client() as client:
        assert client.sync_once().ok  # the run open on record

    closed = _close(server_db_url, "zh", "6:30-9:00", "--actor", "p-sup")
    assert closed.exit_code == 0, closed.output
    assert "已按中断关闭：FW-01 2026-02-04 06:30-09:00" in closed.output

    trail = _admin(server_db_url, "en", "audit", "--actor", "p-sup").output.splitlines()
    [entry] = [line.split("  ") for line in trail if "patrol_run.closed" in line]
    assert entry[1:5] == ["p-sup", "patrol_run.closed", run.id, "-"]
    assert json.loads(entry[5]) == {
        "route": "FW-01", "day": DAY, "window": "06:30-09:00", "person": "p-insp",
        "device": device_id,
    }  # fmt: skip


def test_a_window_the_route_does_not_have_is_refused_as_such(
    seed, server_workdir, server_db_url
) -> None:
    import_patrols(server_workdir)
    chinese = _close(server_db_url, "zh", "07:00-09:00")
    assert chinese.exit_code == 1, chinese.output
    assert "巡逻路线 FW-01 没有时段 07:00-09:00：它的时段是 06:30-09:00、18:00-20:00" in (
        chinese.output
    )
    assert "无需关闭" not in chinese.output
    for window in ("07:00-09:00", "morning"):
        english = _close(server_db_url, "en", window)
        assert english.exit_code == 1, english.output
        assert f"Patrol route FW-01 has no window {window}: its windows are 06:30-09:00, " in (
            english.output
        )
    nothing_open = _close(server_db_url, "en", "18:00-20:00")  # the route's: nothing open
    assert nothing_open.exit_code == 0
    assert "has no run in progress; nothing to close" in nothing_open.output


def test_a_route_code_is_found_whatever_its_case(seed, server_workdir, server_db_url) -> None:
    """`--route fw-01` was refused as no such route, while venue codes are matched in any
    case; it is the route FW-01, named as the office wrote it."""
    import_patrols(server_workdir)
    close = ["patrol-close", "--route", "fw-01", "--day", DAY, "--window", "07:00-09:00"]
    lower = _admin(server_db_url, "zh", *close)
    assert lower.exit_code == 1, lower.output
    assert "巡逻路线 FW-01 没有时段 07:00-09:00" in lower.output  # found, then its windows
