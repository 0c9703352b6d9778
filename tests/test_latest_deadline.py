"""A new deadline may lie at most a year ahead, and the refusal names the last day that
is allowed: on 2026-12-06 that is 2027-12-06 (a year from today), not 2027-12-07 (366
days), and 2027-12-06 itself is accepted."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.finding_dates import check_event_dates, check_new_deadline, latest_deadline
from fieldapp.i18n import set_language


def test_the_last_allowed_day_is_a_year_from_today_and_is_allowed() -> None:
    today = dt.date(2026, 12, 6)
    assert latest_deadline(today) == dt.date(2027, 12, 6)
    assert check_new_deadline(dt.date(2027, 12, 6), today) is None  # the boundary: allowed
    refused = check_new_deadline(dt.date(2027, 12, 7), today)
    assert refused == "整改期限最远到 2027-12-06（一年内）；请检查年份。"
    extended = check_event_dates("deadline_extended", {"deadline": "2027-12-07"}, today)
    assert extended == refused  # an extension, the same rule and words
    assert check_event_dates("deadline_extended", {"deadline": "2027-12-06"}, today) is None


def test_a_year_from_a_leap_day_ends_on_the_last_day_of_february() -> None:
    leap = dt.date(2028, 2, 29)
    assert latest_deadline(leap) == dt.date(2029, 2, 28)
    assert check_new_deadline(dt.date(2029, 2, 28), leap) is None
    set_language("en")
    try:
        refused = check_new_deadline(dt.date(2029, 3, 1), leap)
    finally:
        set_language("zh")
    assert refused is not None and "2029-02-28" in refused
