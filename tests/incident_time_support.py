"""When a test's incident happened and was handed over, said from fieldapp's today.

An incident is refused when it happened more than a year before it is reported
(`reported_too_late`) or after now, and a hand-over dated before the incident's day; a
test that typed 2026-02-11 06:40 would have failed once that day was a year behind the
real date. These are a number of days before `clock.today()` (frozen or not), so call
them in the test, after any clock is set, not at import.
"""

from __future__ import annotations

import datetime as dt

from fieldapp.domain import clock

# Well in the past, and within a month: the report form asks about a time further back.
DAYS_AGO = 10


def incident_day(days_ago: int = DAYS_AGO) -> str:
    """The office's date `days_ago` days before today, as typed (2026-02-11)."""
    return (clock.today() - dt.timedelta(days=days_ago)).isoformat()


def incident_at(time_of_day: str = "06:40", days_ago: int = DAYS_AGO) -> str:
    """A time of day on `incident_day(days_ago)`, as typed (2026-02-11 06:40)."""
    return f"{incident_day(days_ago)} {time_of_day}"
