"""A stored time is read one way (`clock.utc_moment`, `clock.wall_moment`) wherever it is
shown: a time with Z is UTC, said on the office's wall clock; one written without a zone
keeps the reading each place gave it; text that is no time is shown as it was."""

from __future__ import annotations

import pytest

from fieldapp.domain import clock
from fieldapp.domain.incidents import reported_too_late
from fieldapp.services.incidents.queue import local_time
from fieldapp.tui.views.home import brief_local_time
from fieldapp.tui.views.home import local_time as home_time


def test_stored_times_on_the_office_clock() -> None:
    clock.use_zone("Asia/Shanghai")
    # 16:30 UTC is half past midnight the next day in the office.
    assert local_time("2026-12-07T16:30:00.000Z") == "2026-12-08 00:30"
    assert home_time("2026-12-07T16:30:00.000Z") == "12-08 00:30"
    day = clock.wall_moment("2026-12-07T16:30:00.000Z").date()
    assert brief_local_time("2026-12-07T16:30:00.000Z", day) == "00:30"
    # Without a zone: the incident list and Home take it as the office's wall clock...
    assert local_time("2026-12-07T16:30:00") == "2026-12-07 16:30"
    assert home_time("2026-12-07T16:30:00") == "12-07 16:30"
    # ...and an incident's year to be reported in as UTC: 16:30 UTC, a year and a day on,
    # is 00:30 in the office (taken as the office's 16:30, 20:00 would be past it already).
    assert not reported_too_late("2025-12-08T16:30:00", "2026-12-09T20:00:00+08:00")
    assert reported_too_late("2025-12-08T16:30:00", "2026-12-10T01:00:00+08:00")
    # Text that is no time is shown as it was (the list cuts it to its column).
    assert local_time("yesterday evening, about nine") == "yesterday evenin"
    assert home_time("soon") == "soon"
    with pytest.raises(ValueError):
        clock.wall_moment("soon")
