"""A device says the office's today, in the time zone its server publishes
(`FIELDAPP_OFFICE_TZ`, Asia/Shanghai by default), wherever its host is: the web front on
a cloud host on UTC, at 18:05 UTC, said 今天 2026-12-07 and 日报已过 18:00 截止 while the
server said 2026-12-08. The zone is kept in the store (it holds offline and after a
restart); a device never synced says its host's."""

from __future__ import annotations

import datetime as dt
import time

from sync_world import sync_as_the_app

from fieldapp.domain import clock
from fieldapp.services.daily_report.status import report_status
from fieldapp.store.opening import close_store


def test_a_device_on_a_utc_host_says_the_offices_day(live_server, make_device, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        monkeypatch.setattr(clock, "_now", lambda: dt.datetime(2026, 12, 7, 18, 5, tzinfo=dt.UTC))
        device = make_device("inspector").enroll("p-insp")
        assert clock.today() == dt.date(2026, 12, 7)  # never synced: the host's day

        sync_as_the_app(device)
        village = report_status()[0]  # 02:05 on the 8th in the office: not late yet
        assert (clock.today(), village.deadline.date(), village.late) == (
            dt.date(2026, 12, 8), dt.date(2026, 12, 8), False,
        )  # fmt: skip
        assert village.deadline.astimezone(dt.UTC).hour == 10  # 18:00 in Shanghai

        close_store()  # the app stops; offline, it starts again
        device.open()
        assert clock.today() == dt.date(2026, 12, 8)
    finally:
        monkeypatch.undo()
        time.tzset()
