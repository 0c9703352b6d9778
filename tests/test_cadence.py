"""Cadence: when a venue is next due, and where it sits on the due list."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain import cadence
from fieldapp.domain.kinds import KEY_VENUES, SIX_SMALL, VENUE_KINDS

D = dt.date
WED = D(2026, 6, 10)  # a Wednesday
SUN = D(2026, 6, 14)


def test_every_kind_has_a_default_cadence() -> None:
    assert set(cadence.DEFAULT_CADENCE_DAYS) == set(VENUE_KINDS)
    for kind in KEY_VENUES:
        assert cadence.interval_days(kind, "normal") == 7  # weekly
    for kind in SIX_SMALL | {"rental_housing"}:
        assert cadence.interval_days(kind, "normal") == 30  # monthly


def test_due_date_is_last_inspection_plus_interval() -> None:
    assert cadence.due_on("market", "normal", WED) == D(2026, 6, 17)
    assert cadence.due_on("small_restaurant", "low", WED) == D(2026, 7, 10)


def test_month_ends_and_year_ends_roll_over() -> None:
    assert cadence.due_on("rental_housing", "normal", D(2026, 1, 31)) == D(2026, 3, 2)
    assert cadence.due_on("rental_housing", "normal", D(2024, 1, 31)) == D(2024, 3, 1)  # leap
    assert cadence.due_on("hotel", "normal", D(2026, 12, 28)) == D(2027, 1, 4)


def test_high_risk_is_due_twice_as_often() -> None:
    assert cadence.interval_days("small_shop", "high") == 15
    assert cadence.interval_days("market", "high") == 3
    assert cadence.due_on("small_shop", "high", WED) == D(2026, 6, 25)
    assert cadence.interval_days("x", "high", {"x": 1}) == 1  # never below a day


def test_never_inspected_has_no_due_date_and_is_due_today() -> None:
    assert cadence.due_on("hotel", "normal", None) is None
    assert cadence.bucket(None, WED) == "today"


def test_configured_cadence_overrides_the_default() -> None:
    configured = {**cadence.DEFAULT_CADENCE_DAYS, "rental_housing": 14, "market": 1}
    assert cadence.due_on("rental_housing", "normal", WED, configured) == D(2026, 6, 24)
    assert cadence.interval_days("market", "high", configured) == 1
    # a kind missing from a partial configuration keeps its default
    assert cadence.interval_days("hotel", "normal", {"market": 3}) == 7


def test_week_ends_on_sunday() -> None:
    assert cadence.week_end(WED) == SUN
    assert cadence.week_end(SUN) == SUN
    assert cadence.week_end(D(2026, 6, 8)) == SUN  # Monday


@pytest.mark.parametrize(
    ("due", "today", "expected"),
    [
        (D(2026, 6, 9), WED, "overdue"),
        (D(2025, 12, 31), WED, "overdue"),
        (WED, WED, "today"),
        (D(2026, 6, 11), WED, "week"),
        (SUN, WED, "week"),
        (D(2026, 6, 15), WED, "later"),
        (D(2026, 6, 15), SUN, "later"),  # Monday is next week
        (SUN, SUN, "today"),
        (D(2026, 7, 1), D(2026, 6, 30), "week"),  # across a month end, same week
    ],
)
def test_buckets(due: dt.date, today: dt.date, expected: str) -> None:
    assert cadence.bucket(due, today) == expected
