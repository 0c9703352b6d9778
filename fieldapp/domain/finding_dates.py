"""The dates of a hazard's events: how a date in an event's data is read, and which new
deadlines and hand-over days can be (the device asks before appending, the server before
applying; the finding form asks the same of a new finding's deadline)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fieldapp.domain.clock import wall_clock
from fieldapp.domain.lifecycle import OPEN


def latest_deadline(today: dt.date) -> dt.date:
    """The last day a new deadline may be set to: a year from `today`, the same day of the
    month (2026-12-06 → 2027-12-06; 29 February → 28 February). Rectifications take days
    or weeks (domain.md); a year covers a works order, and a slip of the year (2099) is
    caught. The refusal names this day, and this day is allowed."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February, and next year has none
        return today.replace(year=today.year + 1, day=28)


def as_date(value: Any) -> dt.date | None:
    """A date held as a date or ISO text (a timestamp's day); None for nothing."""
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def valid_date(value: Any) -> dt.date | None:
    """`as_date`, or None for text that is not a date."""
    try:
        return as_date(value)
    except (TypeError, ValueError):
        return None


def check_event_dates(event_type: str, data: Mapping[str, Any], today: dt.date) -> str | None:
    """Why the dates of an event's data cannot be, as of `today`: a new deadline in the
    past or more than a year ahead (2099: a slip of the year), a hand-over on a day that
    has not come."""
    from fieldapp.i18n import t

    if event_type in ("rejected", "deadline_extended"):
        deadline = valid_date(data.get("deadline"))
        if deadline and deadline < today:
            return t("review.refused.deadline_past")
        latest = latest_deadline(today)
        if deadline and deadline > latest:
            return t("review.refused.deadline_far", latest=latest.isoformat())
    if event_type == "handed_over":
        handed = valid_date(data.get("date"))
        if handed and handed > today:  # the day it was handed over, not a plan
            return t("review.refused.date_future", date=handed.isoformat())
    return None


def local_day(at: Any) -> dt.date | None:
    """The local date of an event's UTC stamp (a hazard found at 07:00 in China on the 28th
    is at 23:00 UTC on the 27th), or None for nothing or no stamp."""
    try:
        stamp = dt.datetime.fromisoformat(str(at).replace("Z", "+00:00"))
    except ValueError:
        return None
    return wall_clock(stamp).date() if stamp.tzinfo else stamp.date()


def earliest_hand_over(
    found_on: dt.date | None, severity: str, state: str, deadline: dt.date | None
) -> dt.date | None:
    """The first day a hazard can have been handed over (移交): the day it was found; a
    general hazard still being rectified only once its deadline has passed (domain.md 3.1:
    rectifying past its deadline → overdue → handed over; a major one at once, as
    `not_due_for_hand_over` says of today). None when the day it was found is not known."""
    if found_on is None:
        return None
    if severity != "major" and state == OPEN and deadline is not None:
        return max(found_on, deadline + dt.timedelta(days=1))
    return found_on


def hand_over_too_early(
    data: Mapping[str, Any],
    found_on: dt.date | None,
    severity: str,
    state: str,
    deadline: dt.date | None,
) -> tuple[dt.date, dt.date] | None:
    """(the hand-over date, the earliest allowed) when the date is before the earliest
    (`earliest_hand_over`): a letter dated before the hazard was found, or before a
    general hazard's deadline passed. The device words it, the server codes it."""
    handed = valid_date(data.get("date"))
    earliest = earliest_hand_over(found_on, severity, state, deadline)
    if handed is not None and earliest is not None and handed < earliest:
        return handed, earliest
    return None


def hand_over_too_early_said(
    early: tuple[dt.date, dt.date], found_on: dt.date | None, deadline: dt.date | None
) -> str:
    """`hand_over_too_early`'s (date, earliest), as a person reads it: before the day the
    hazard was found, or before a general hazard's deadline passed."""
    from fieldapp.i18n import t

    handed, earliest = (day.isoformat() for day in early)
    if early[1] == found_on:
        return t("review.refused.date_before_found", date=handed, earliest=earliest)
    due = deadline.isoformat() if deadline else ""
    return t("review.refused.date_before_due", date=handed, earliest=earliest, deadline=due)


def check_new_deadline(deadline: dt.date, today: dt.date) -> str | None:
    """Why a finding's deadline cannot be, as of `today`: the rule and the words of a
    deadline an extension sets (`check_event_dates`) — not before today, at most a year
    ahead (2099: a slip of the year)."""
    return check_event_dates("deadline_extended", {"deadline": deadline.isoformat()}, today)


def not_due_for_hand_over(
    severity: str, state: str, deadline: dt.date | None, today: dt.date
) -> str | None:
    """Why a hazard may not be handed over today, or None: a general hazard still open
    goes only once its deadline has passed, a major one at once."""
    from fieldapp.i18n import t

    if severity != "major" and state == OPEN and deadline is not None and deadline >= today:
        return t("review.refused.not_due", deadline=deadline.isoformat())
    return None
