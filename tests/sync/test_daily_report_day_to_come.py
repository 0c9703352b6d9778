"""A daily report (a zero report above all) for a day that has not come was filed and
synced: `fieldapp report --grid … --zero --date <tomorrow>` said it was filed. The device
refuses it, saying to leave out --date or give today or earlier, and files nothing; the
server refuses one pushed by an older build with a code the device words (a day ahead of
the office's date is another time zone's today and passes). A real server on loopback,
fieldapp's clock stopped at 10 June 2026."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain import clock
from fieldapp.store import close_store
from fieldapp.store.models import DailyReport, Outbox
from sync.protocol import API_PREFIX
from sync.server.office_time import office_today

pytestmark = pytest.mark.usefixtures("chinese")


def _push(device: Any, day: dt.date, op_id: str) -> dict[str, Any]:
    payload = {"id": op_id, "grid_code": "V1", "date": day.isoformat(), "reporter": "p-insp",
               "counts": {}, "zero_report": True, "remarks": "",
               "submitted_at": "2026-06-10T01:00:00.000Z"}  # fmt: skip
    answer = httpx.post(
        f"{device.server.url}{API_PREFIX}/push",
        json={"device_id": device.device_id,
              "ops": [{"op_id": op_id, "seq": 1, "type": "daily_report.submit",
                       "payload": payload}]},
        headers={"Authorization": f"Bearer {device.token}"},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()["results"][0]
    return result


@pytest.mark.parametrize(("lang", "said"), [("zh", "还没到"), ("en", "has not come yet")])
def test_the_device_refuses_a_report_for_tomorrow(
    make_device: Any, frozen_clock: dt.datetime, monkeypatch: pytest.MonkeyPatch,
    lang: str, said: str,
) -> None:  # fmt: skip
    inspector = make_device("inspector")
    monkeypatch.setenv("FIELDAPP_HOME", str(inspector.home))
    inspector.open().enroll("p-insp")
    with inspector.client() as client:
        assert not client.sync_once().errors  # its grids
    close_store()
    tomorrow = (clock.today() + dt.timedelta(days=1)).isoformat()
    done = CliRunner().invoke(
        main, ["--lang", lang, "report", "--grid", "V1", "--zero", "--date", tomorrow]
    )
    assert done.exit_code == 1, done.output
    assert said in done.output and tomorrow in done.output and "--date" in done.output
    inspector.open()
    assert DailyReport.select().count() == 0
    assert not Outbox.select().where(Outbox.type == "daily_report.submit").exists()
    today = CliRunner().invoke(main, ["--lang", lang, "report", "--grid", "V1", "--zero"])
    assert today.exit_code == 0, today.output  # today's is filed as before


def test_the_server_refuses_a_report_for_a_day_to_come(
    make_device: Any, frozen_clock: dt.datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspector = make_device("inspector")
    monkeypatch.setenv("FIELDAPP_HOME", str(inspector.home))
    inspector.open().enroll("p-insp")
    # Two days after the office's date, by the frozen clock or the server's own: the
    # server runs on the real clock, whose office date (Asia/Shanghai) is a day ahead of
    # UTC's from 16:00 UTC on.
    real_office_day = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    latest = max(office_today(), dt.datetime.now(dt.UTC).date(), real_office_day)
    later = _push(inspector, latest + dt.timedelta(days=2), "op-later")
    assert (later["status"], later["reason_code"]) == ("rejected", "report_date_to_come"), later
    assert later["reason_params"]["grid"] == "V1"
    ahead = _push(inspector, office_today() + dt.timedelta(days=1), "op-ahead")
    assert ahead["status"] != "rejected", ahead  # another time zone's today
