"""The office's time zone (`FIELDAPP_OFFICE_TZ`, default Asia/Shanghai) and its date.

The server may run anywhere (a cloud host on UTC): what the office calls "today" — the
day a route imported without a start date begins, the day an alert judges — is the date
where the office is, not where the server's clock is set. `now` comes from
`fieldapp.domain.clock`, so tests freeze it there. Devices are told the zone
(`office.publish_office_zone`) and say the office's today too, wherever their host is.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldapp.domain.clock import now, utc_moment


def office_zone() -> dt.tzinfo:
    try:
        return ZoneInfo(os.environ.get("FIELDAPP_OFFICE_TZ", "Asia/Shanghai"))
    except (ZoneInfoNotFoundError, ValueError):
        return dt.timezone(dt.timedelta(hours=8))


def office_zone_name() -> str | None:
    """The office zone's IANA name (Asia/Shanghai), or None if this machine knows no such
    zone (then devices keep their host's)."""
    zone = office_zone()
    return zone.key if isinstance(zone, ZoneInfo) else None


def office_now() -> dt.datetime:
    """The office's wall-clock time now (naive), as its patrol windows are written."""
    return now().astimezone(office_zone()).replace(tzinfo=None)


def office_today() -> dt.date:
    """Today's date in the office's time zone."""
    return now().astimezone(office_zone()).date()


def office_day(stamp: str) -> dt.date | None:
    """The day a stored UTC time (2026-12-07T16:30:00.000Z) falls on in the office's time
    zone (2026-12-08 in Shanghai), whatever the host's is; None for text that is no time."""
    try:
        return utc_moment(stamp).astimezone(office_zone()).date()
    except ValueError:
        return None


def office_minute(stamp: str, *, seconds: bool = False) -> str:
    """A stored UTC time (2026-12-07T14:36:35.708476Z) as the office reads it, in its
    time zone to the minute: 2026-12-07 22:36 (with `seconds`, 2026-12-07 22:36:35)."""
    return utc_moment(stamp).astimezone(office_zone()).strftime("%Y-%m-%d %H:%M" + ":%S" * seconds)


def stored_from_office(text: str) -> str:
    """A date or time the office wrote (2026-12-08, 2026-12-08T08:00), in its time zone,
    as the stored UTC text it compares with: 2026-12-07T16:00:00, 2026-12-08T00:00:00."""
    moment = dt.datetime.fromisoformat(text).replace(tzinfo=office_zone())
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
