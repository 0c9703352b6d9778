"""How often each kind of venue is inspected, and when a venue is next due.

From the source plans: key venues (markets, hotels, supermarkets) weekly; the six small
venues and rental housing monthly. A high-risk venue is due twice as often. Cadences are
configurable per kind (a setting), so these are defaults.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

DEFAULT_CADENCE_DAYS: dict[str, int] = {
    "market": 7,
    "hotel": 7,
    "supermarket": 7,
    "small_shop": 30,
    "small_school": 30,
    "small_restaurant": 30,
    "small_hotel": 30,
    "internet_cafe": 30,
    "small_workshop": 30,
    "rental_housing": 30,
    "three_in_one": 30,
}


def interval_days(kind: str, risk_level: str, cadence: Mapping[str, int] | None = None) -> int:
    days = (cadence or DEFAULT_CADENCE_DAYS).get(kind, DEFAULT_CADENCE_DAYS.get(kind, 30))
    if risk_level == "high":
        days = max(1, days // 2)
    return max(1, int(days))


def due_on(
    kind: str,
    risk_level: str,
    last_inspected: dt.date | None,
    cadence: Mapping[str, int] | None = None,
) -> dt.date | None:
    """The date a venue is next due, or None for a venue never inspected (due now)."""
    if last_inspected is None:
        return None
    return last_inspected + dt.timedelta(days=interval_days(kind, risk_level, cadence))


def week_end(today: dt.date) -> dt.date:
    """The Sunday that ends today's week (weeks run Monday to Sunday)."""
    return today + dt.timedelta(days=6 - today.weekday())


def bucket(due: dt.date | None, today: dt.date) -> str:
    """overdue | today | week | later — where a venue sits on the due list.

    A venue never inspected (no due date) is due today.
    """
    if due is None:
        return "today"
    if due > week_end(today):
        return "later"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "week"
