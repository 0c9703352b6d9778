"""Switching a campaign on at 19:24 made that morning's 06:30-09:00 window of its route,
over long before while the campaign was off, read 未巡逻（空岗） 0/4 in
`admin patrol-attendance` and on the device (attendance took today's switch for every
past window); switching it off again took away the windows missed while it was on. Now
each window is judged by whether the campaign was on when the window ended, on the
server and on the device alike."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from patrol_support import CHECKPOINTS_CSV, FrozenClock, local

from fieldapp.cli import main
from fieldapp.paths import CAMPAIGNS_DIR
from fieldapp.services.common.campaigns import clear_cache as clear_campaigns
from fieldapp.services.patrols.attendance import attendance

ROUTES_CSV = """code,name,grid,checkpoints,days,windows,ordered,people,team,starts_on,campaign
FW-01,春节烟花爆竹巡逻,V1,CP-01;CP-02;CP-03;CP-04,daily,06:30-09:00;18:00-20:00,是,p-insp,,2026-01-20,spring_festival
"""  # noqa: E501


@pytest.fixture
def office_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The device where the office is (Asia/Shanghai, the server's default office zone)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _admin(url: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--lang", "zh", "admin", "--db", url, *args])
    assert result.exit_code == 0, result.output
    return result.output


def _server_rows(url: str, clock: FrozenClock) -> list[str]:
    """The server's attendance read on 2026-02-06, when every window asked about is over
    (as `_device_rows` does); the clock is put back after."""
    switched_at = clock.moment
    clock.moment = local("2026-02-06", "00:00")
    try:
        lines = _admin(url, "patrol-attendance", "--from", "2026-02-04", "--to", "2026-02-05")
    finally:
        clock.moment = switched_at
    return sorted("\t".join(line.split("\t")[:2] + line.split("\t")[4:6]) for line in
                  lines.splitlines()[1:])  # fmt: skip


def _device_rows() -> list[str]:
    rows = attendance(dt.date(2026, 2, 4), dt.date(2026, 2, 5), now=dt.datetime(2026, 2, 6))
    return sorted(f"{r.day}\t{r.window}\t{r.status}" for r in rows)


def test_switching_a_campaign_never_adds_or_removes_windows_over_before(
    office_clock, live_server, seed, make_device, server_workdir, monkeypatch
) -> None:
    url = live_server.db_url
    _admin(url, "campaign", "publish", str(CAMPAIGNS_DIR / "spring_festival.toml"))
    (server_workdir / "checkpoints.csv").write_text(CHECKPOINTS_CSV, encoding="utf-8")
    (server_workdir / "routes.csv").write_text(ROUTES_CSV, encoding="utf-8")
    _admin(url, "import-checkpoints", str(server_workdir / "checkpoints.csv"))
    _admin(url, "import-routes", str(server_workdir / "routes.csv"))
    clock = FrozenClock(monkeypatch, "2026-02-04", "19:24")
    _admin(url, "campaign", "start", "spring_festival", "--grid", "V1")

    # On at 19:24: the morning window, over at 09:00 while it was off, is not due.
    on = ["2026-02-04\t18:00-20:00\t未巡逻（空岗）\t0/4", "2026-02-05\t06:30-09:00\t未巡逻（空岗）\t0/4",
          "2026-02-05\t18:00-20:00\t未巡逻（空岗）\t0/4"]  # fmt: skip
    assert _server_rows(url, clock) == on
    device = make_device("laptop").enroll("p-insp")
    clear_campaigns()
    with device.client() as client:
        assert not client.sync_once().errors
    assert _device_rows() == [
        "2026-02-04\t18:00-20:00\tnot_done", "2026-02-05\t06:30-09:00\tnot_done",
        "2026-02-05\t18:00-20:00\tnot_done",
    ]  # fmt: skip

    # Off the next day at 10:00: the windows missed while it was on stay missed.
    clock.day = "2026-02-05"
    clock.set("10:00")
    _admin(url, "campaign", "stop", "spring_festival")
    assert _server_rows(url, clock) == on[:2]
    with device.client() as client:
        assert not client.sync_once().errors
    assert _device_rows() == [
        "2026-02-04\t18:00-20:00\tnot_done",
        "2026-02-05\t06:30-09:00\tnot_done",
    ]
