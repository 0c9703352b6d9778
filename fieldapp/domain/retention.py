"""Retention (个人信息保护法: keep personal information no longer than needed): which
follow-up and registry records have outlived their purpose on a given day.

- A follow-up plan — its readings (health data) and its cases — is kept `keep_days`
  after its last day, then deleted; never while one of its cases is still open (a case
  handed to the health centre stays until it is closed, then the days count from the end
  of the plan as before).
- A person who left (`left_on`) is kept `keep_days` after leaving, then deleted with
  their follow-ups (again never while a case of theirs is open); a household left with
  nobody is deleted with them.

The server applies these rules (`sync.server.retention`, `fieldapp admin retention`) and
the deletions reach the devices as feed deletions. Pure: no Peewee, Textual or httpx.
"""

from __future__ import annotations

import datetime as dt

DEFAULT_KEEP_DAYS = 30
SHORTEST_KEEP_DAYS = 0
LONGEST_KEEP_DAYS = 3650


def plan_last_day(start_on: dt.date, days: int) -> dt.date:
    """The last day a plan asks readings for (a 14-day plan from 06-10: 06-23)."""
    return start_on + dt.timedelta(days=max(days, 1) - 1)


def plan_expired(
    start_on: dt.date, days: int, *, case_open: bool, today: dt.date, keep_days: int
) -> bool:
    """Whether a plan (with its readings and cases) is to be deleted on `today`."""
    if case_open:
        return False
    return today > plan_last_day(start_on, days) + dt.timedelta(days=keep_days)


def departed_expired(
    left_on: dt.date | None, *, case_open: bool, today: dt.date, keep_days: int
) -> bool:
    """Whether a person who left is to be deleted on `today`."""
    if left_on is None or case_open:
        return False
    return today > left_on + dt.timedelta(days=keep_days)
