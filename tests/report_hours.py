"""`report_hour`: fieldapp's clock stopped on 10 June 2026 before the daily report's 18:00
deadline, then after it (the test runs once each way), so a test of the report's screens
does not pass or fail with the hour the suite runs at: past the deadline a grid's tag is
the longer 逾期未报 / "Past due" and a filed report says "Filed late". Request it before
`demo_home`, so that the demo is built on that day."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain import clock

DAY = dt.date(2026, 6, 10)
HOURS = {"before": dt.time(10, 0), "after": dt.time(19, 0)}  # the deadline is 18:00


@pytest.fixture(params=sorted(HOURS))
def report_hour(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The side of the deadline ("before" or "after"); fieldapp's clock stopped there."""
    wall = dt.datetime.combine(DAY, HOURS[request.param])  # where the device is, when asked
    monkeypatch.setattr(clock, "_now", lambda: clock.wall_clock(wall).astimezone(dt.UTC))
    return str(request.param)
