"""Local dates against UTC timestamps.

Records carry UTC times (`2026-03-01T01:30:00.000Z`); people count by the local date.
A local day is turned into a half-open range of UTC strings so queries can compare the
stored text directly (and use an index), instead of converting every row.
"""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.clock import wall_clock


def utc_iso(moment: dt.datetime) -> str:
    """The stored form of a moment: ISO-8601 UTC with milliseconds and a Z."""
    utc = moment.astimezone(dt.UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of a local date, timezone-aware."""
    return wall_clock(dt.datetime.combine(day, dt.time.min))


def period_bounds_utc(first: dt.date, last: dt.date) -> tuple[str, str]:
    """[start, end) in stored UTC text covering the local dates first..last inclusive."""
    return (
        utc_iso(local_midnight(first)),
        utc_iso(local_midnight(last + dt.timedelta(days=1))),
    )


def day_bounds_utc(day: dt.date) -> tuple[str, str]:
    return period_bounds_utc(day, day)


def parse_utc(stamp: str) -> dt.datetime:
    """A stored UTC string back to an aware datetime."""
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def local_date_of(stamp: str | None) -> dt.date | None:
    """The local date of a stored UTC string (None stays None)."""
    if not stamp:
        return None
    return wall_clock(parse_utc(stamp)).date()
