"""Time in one place: UTC timestamps for records, the local date for deadlines and due lists.

Device clocks are information only (the server orders); tests freeze `now` by patching
`fieldapp.domain.clock._now`.
"""

from __future__ import annotations

import datetime as dt


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def now() -> dt.datetime:
    """The current time, timezone-aware (UTC)."""
    return _now()


def now_iso() -> str:
    """The current time as an ISO-8601 UTC string with millisecond precision."""
    return now().strftime("%Y-%m-%dT%H:%M:%S.") + f"{now().microsecond // 1000:03d}Z"


def local_now() -> dt.datetime:
    """The current wall-clock time where the device is."""
    return now().astimezone()


def today() -> dt.date:
    """Today's date where the device is: deadlines and due lists are local dates."""
    return local_now().date()
