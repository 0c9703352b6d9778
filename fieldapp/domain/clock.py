"""Time in one place: UTC timestamps for records, the local date for deadlines and due lists.

"Local" is where the office is: the server publishes its time zone (`OFFICE_ZONE_SETTING`,
its `FIELDAPP_OFFICE_TZ`) and the device keeps it in its store, so a device, or the web
front on a cloud host on UTC, says the office's today and times of day; until a server
said it (never synced, an older server), the host's zone. The store sets it when it
opens and when a sync brings it (`use_zone`).

Device clocks are information only (the server orders); tests freeze `now` by patching
`fieldapp.domain.clock._now`.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

OFFICE_ZONE_SETTING = "office_tz"  # the office's IANA zone name, published by the server

_zone: dt.tzinfo | None = None  # the office's, once known; None: the host's


def use_zone(name: object) -> None:
    """Say local times in the zone named `name` (Asia/Shanghai); the host's if it is
    None or a name this machine does not know."""
    global _zone
    try:
        _zone = ZoneInfo(name) if isinstance(name, str) and name else None
    except (ZoneInfoNotFoundError, ValueError):
        _zone = None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def now() -> dt.datetime:
    """The current time, timezone-aware (UTC)."""
    return _now()


def now_iso() -> str:
    """The current time as an ISO-8601 UTC string with millisecond precision."""
    return now().strftime("%Y-%m-%dT%H:%M:%S.") + f"{now().microsecond // 1000:03d}Z"


def utc_moment(stamp: str) -> dt.datetime:
    """A stored time ("2026-12-07T16:30:00.000Z") as an aware datetime; one written without
    a zone is taken as UTC, as the store writes its times. ValueError for text that is no
    time."""
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def wall_moment(stamp: str) -> dt.datetime:
    """A stored time on the office's wall clock (aware). One written without a zone is
    taken as a wall-clock time already, as `wall_clock` takes a naive moment (where
    `utc_moment` takes it as UTC). ValueError for text that is no time."""
    return wall_clock(dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")))


def local_minute(stamp: str) -> str:
    """A stored time as the office's wall clock reads it, `YYYY-MM-DD HH:MM`; the text
    itself when it is no time."""
    try:
        return wall_clock(utc_moment(stamp)).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def wall_clock(moment: dt.datetime) -> dt.datetime:
    """`moment` on the office's wall clock (aware). A naive `moment` is taken as such a
    wall-clock time already (a deadline's day and hour, a camera's time)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=_zone) if _zone else moment.astimezone()
    return moment.astimezone(_zone)


def local_now() -> dt.datetime:
    """The current wall-clock time where the office is."""
    return wall_clock(now())


def today() -> dt.date:
    """Today's date where the office is: deadlines and due lists are local dates."""
    return local_now().date()


def local_sql(sql: str) -> str:
    """SQL that dates stored UTC text with SQLite's `'localtime'` (the host's zone), made
    to say the office's: its offset from UTC now (`'+480 minutes'`; in a zone with summer
    time, dates of the other season an hour either side of midnight may differ)."""
    if _zone is None:
        return sql
    offset = now().astimezone(_zone).utcoffset() or dt.timedelta(0)
    return sql.replace("'localtime'", f"'{int(offset.total_seconds() // 60):+d} minutes'")
