"""Due dates, due lists, rounds and completion, on a real store file."""

from __future__ import annotations

import datetime as dt

import pytest
from rounds_support import (
    INSPECTOR_A11,
    INSPECTOR_A12,
    INSPECTOR_V2,
    Clock,
    add_venue,
    china,
    inspect,
)

from fieldapp.domain import cadence
from fieldapp.services import rounds
from fieldapp.services.common import settings
from fieldapp.store.models import Venue


def due_of(venue_id: str) -> dt.date | None:
    return Venue.get_by_id(venue_id).due_on


def test_never_inspected_venue_is_due_today(tree: Clock) -> None:
    never = add_venue("RNT-1", "rental_housing", "A11")
    assert due_of(never) is None
    day = dt.date(2026, 6, 10)
    assert [v.id for v in rounds.due_venues(day=day, bucket="today")] == [never]
    assert rounds.due_venues(day=day, bucket="overdue") == []
    counts = {g.code: g.own for g in rounds.due_by_grid(["A11"], day)}
    assert counts["A11"].today == 1 and counts["A11"].due_now == 1


def test_month_ends_and_leap_years(tree: Clock) -> None:
    jan31 = add_venue("SHP-1", "small_shop", "A11", last=dt.date(2026, 1, 31))
    leap = add_venue("SHP-2", "small_shop", "A11", last=dt.date(2028, 1, 31))
    high = add_venue("SHP-3", "small_shop", "A11", risk="high", last=dt.date(2026, 2, 14))
    assert due_of(jan31) == dt.date(2026, 3, 2)
    assert due_of(leap) == dt.date(2028, 3, 1)
    assert due_of(high) == dt.date(2026, 3, 1)  # 15 days
    # The SQL recompute agrees with the domain rule on every day of a leap year.
    start = dt.date(2027, 12, 1)
    ids = {}
    for offset in range(0, 430, 3):
        last = start + dt.timedelta(days=offset)
        for kind, risk in (("market", "normal"), ("small_shop", "high"), ("hotel", "low")):
            ids[add_venue(f"X-{offset}-{kind}", kind, "A12", risk=risk, last=last)] = (
                kind,
                risk,
                last,
            )
    Venue.update(due_on=None).execute()
    rounds.recompute_due()
    for venue_id, (kind, risk, last) in ids.items():
        assert due_of(venue_id) == cadence.due_on(kind, risk, last), (kind, risk, last)
    assert due_of(leap) == dt.date(2028, 3, 1)


def test_buckets_across_a_month_and_year_end(tree: Clock) -> None:
    # Wednesday 2026-12-30: the week ends Sunday 2027-01-03.
    day = dt.date(2026, 12, 30)
    overdue = add_venue("M-1", "market", "A11", last=dt.date(2026, 12, 22))  # due 12-29
    today = add_venue("M-2", "market", "A11", last=dt.date(2026, 12, 23))  # due 12-30
    sunday = add_venue("M-3", "market", "A11", last=dt.date(2026, 12, 27))  # due 01-03
    monday = add_venue("M-4", "market", "A11", last=dt.date(2026, 12, 28))  # due 01-04
    bucket = {v.id: cadence.bucket(v.due_on, day) for v in Venue.select()}
    assert bucket == {overdue: "overdue", today: "today", sunday: "week", monday: "later"}
    this_week = [v.id for v in rounds.due_venues(day=day)]
    assert this_week == [overdue, today, sunday]
    own = rounds.due_by_grid(["A11"], day)[0].own
    assert (own.overdue, own.today, own.week, own.later) == (1, 1, 1, 1)


def test_changing_a_kinds_cadence_recomputes_its_due_dates(tree: Clock) -> None:
    last = dt.date(2026, 5, 31)
    market = add_venue("M-1", "market", "A11", last=last)
    risky = add_venue("M-2", "market", "A11", risk="high", last=last)
    shop = add_venue("S-1", "small_shop", "A11", last=last)
    never = add_venue("M-3", "market", "A11")
    assert (due_of(market), due_of(risky)) == (dt.date(2026, 6, 7), dt.date(2026, 6, 3))
    rounds.set_cadence("market", 14)
    assert settings.cadence()["market"] == 14
    assert due_of(market) == dt.date(2026, 6, 14)
    assert due_of(risky) == dt.date(2026, 6, 7)
    assert due_of(shop) == dt.date(2026, 6, 30)  # another kind, untouched
    assert due_of(never) is None
    # The next inspection uses the new cadence too.
    inspect(tree, market, china(2026, 6, 12))
    assert due_of(market) == dt.date(2026, 6, 26)
    with pytest.raises(ValueError):
        rounds.set_cadence("market", 0)
    with pytest.raises(ValueError):
        rounds.set_cadence("spaceport", 7)
    assert settings.cadence()["market"] == 14


def test_due_by_grid_rolls_up_and_by_inspector(tree: Clock) -> None:
    day = dt.date(2026, 6, 10)
    add_venue("A", "market", "A11", last=dt.date(2026, 6, 1))  # overdue
    add_venue("B", "market", "A12")  # today
    add_venue("C", "small_shop", "A21", last=dt.date(2026, 5, 13))  # due 06-12, week
    add_venue("D", "small_shop", "V1", last=dt.date(2026, 6, 9))  # later
    by_grid = {g.code: g for g in rounds.due_by_grid(["T1"], day)}
    assert [g.code for g in rounds.due_by_grid(["T1"], day)] == [
        "T1",
        "V1",
        "A11",
        "A12",
        "V2",
        "A21",
    ]
    assert by_grid["V1"].own.later == 1 and by_grid["V1"].total.due_now == 2
    assert by_grid["T1"].total == rounds.DueCounts(overdue=1, today=1, week=1, later=1)
    assert by_grid["A21"].depth == 2
    people = {p.person_id: p.counts for p in rounds.due_by_inspector(["T1"], day)}
    assert people[INSPECTOR_A11].overdue == 1
    assert people[INSPECTOR_A12].today == 1
    assert people[INSPECTOR_V2].week == 1
    assert [v.code for v in rounds.due_venues(day=day, person_id=INSPECTOR_V2)] == ["C"]


def test_plan_reorder_remove_and_progress(tree: Clock) -> None:
    day = dt.date(2026, 6, 10)
    a = add_venue("A", "market", "A11")
    b = add_venue("B", "hotel", "A11")
    c = add_venue("C", "small_shop", "A11")
    round_id = rounds.plan_round([a, b, a], day)
    assert rounds.plan_round([c, b], day) == round_id  # one round a day: c appended
    assert [s.venue_id for s in rounds.round_progress(round_id).stops] == [a, b, c]
    rounds.move_stop(round_id, c, 0)
    assert [s.venue_id for s in rounds.round_progress(round_id).stops] == [c, a, b]
    rounds.reorder_round(round_id, [b, c, a])
    assert [s.position for s in rounds.round_progress(round_id).stops] == [0, 1, 2]
    with pytest.raises(ValueError):
        rounds.reorder_round(round_id, [b, c])
    with pytest.raises(rounds.UnknownVenue):
        rounds.plan_round(["no-such-venue"], day)
    rounds.remove_stop(round_id, c)
    assert [s.venue_id for s in rounds.round_progress(round_id).stops] == [b, a]
    assert rounds.round_for(day) == round_id and rounds.round_for(dt.date(2026, 6, 11)) is None

    inspect(tree, a, china(2026, 6, 9, 23, 50))  # the day before: not this round
    progress = rounds.round_progress(round_id)
    assert (progress.done, progress.total, progress.next_stop.venue_id) == (0, 2, b)  # type: ignore[union-attr]
    late = inspect(tree, a, china(2026, 6, 10, 23, 30))  # 15:30 UTC, still the 10th here
    progress = rounds.round_progress(round_id)
    assert progress.done == 1 and progress.fraction == 0.5
    assert [s.inspection_id for s in progress.stops] == [None, late]
    inspect(tree, b, china(2026, 6, 11, 0, 10))  # the next day
    assert rounds.round_progress(round_id).done == 1


def test_completion_rolls_up_area_village_town(tree: Clock) -> None:
    m1 = add_venue("M1", "market", "A11")
    s1 = add_venue("S1", "small_shop", "A11")
    add_venue("R1", "rental_housing", "A12")  # never inspected: due, not done
    h1 = add_venue("H1", "hotel", "V1", risk="high")
    s2 = add_venue("S2", "small_shop", "A21")
    s3 = add_venue("S3", "small_shop", "A21")
    inspect(tree, m1, china(2026, 5, 20))  # due 05-27
    inspect(tree, s1, china(2026, 5, 25))  # due 06-24: not due by 06-15
    inspect(tree, h1, china(2026, 5, 30))  # high risk: due 06-02
    inspect(tree, m1, china(2026, 6, 5))
    inspect(tree, s1, china(2026, 6, 10))  # early: inspected, not counted as done
    inspect(tree, h1, china(2026, 6, 3))
    inspect(tree, s2, china(2026, 6, 15, 23, 30))  # last evening of the period
    inspect(tree, s3, china(2026, 6, 16, 0, 30))  # just after it
    result = {
        g.code: (g.venues, g.due, g.done, g.inspected)
        for g in rounds.completion(dt.date(2026, 6, 1), dt.date(2026, 6, 15), grids=["T1"])
    }
    assert result == {
        "A11": (2, 1, 1, 2),
        "A12": (1, 1, 0, 0),
        "V1": (4, 3, 2, 3),
        "A21": (2, 2, 1, 1),
        "V2": (2, 2, 1, 1),
        "T1": (6, 5, 3, 4),
    }
    town = rounds.completion(dt.date(2026, 6, 1), dt.date(2026, 6, 15), grids=["T1"])[0]
    assert town.code == "T1" and town.rate == pytest.approx(0.6)
    empty = rounds.completion(dt.date(2026, 6, 1), dt.date(2026, 6, 15), grids=["A12"])
    assert empty[0].rate == 0.0


def test_a_venue_no_checklist_covers_is_not_due(tree: Clock) -> None:
    """A venue of a kind the office added and published no checklist for cannot be
    inspected, yet it was counted in home's due tile and as 应检 in the monthly report."""
    from fieldapp.domain.office import VenueKind
    from fieldapp.services.inspection.home import due_count
    from fieldapp.store.office_models import VenueKindRow

    VenueKindRow.create(
        code="foot_massage", body=VenueKind("foot_massage", "足浴店", "Foot massage").to_dict()
    )
    add_venue("R1", "rental_housing", "A11")  # never inspected: due today
    add_venue("F1", "foot_massage", "A11")  # never inspected, but no checklist
    assert due_count(["A11"], dt.date(2026, 6, 10), "today") == 1
    day = dt.date(2026, 6, 10)
    assert [v.code for v in rounds.due_venues(day=day, bucket="today")] == ["R1"]
    assert rounds.due_by_grid(["A11"], day)[0].own.today == 1
    month = rounds.completion(dt.date(2026, 6, 1), dt.date(2026, 6, 30), grids=["A11"])[0]
    assert (month.venues, month.due) == (2, 1)
