"""The home read at start-up asks SQLite only for what it shows: a first page of the due
list that lies among the overdue venues is sorted from those alone, and today's count is
read as its two parts (due today, never inspected), each an index range. The page and the
counts are those of the whole due list.

The demo is built on the frozen clock's day: which of its venues are overdue and which
were never inspected follows the day it is built on (on 2026-12-07 none in my grids
was never inspected)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from fieldapp.domain.clock import today
from fieldapp.services.inspection import home as home_service
from fieldapp.store.models import Venue

pytestmark = pytest.mark.usefixtures("frozen_clock")  # before demo_home: the demo's day


def _due(day: dt.date) -> tuple[list[str], list[Venue]]:
    """My grids and every venue due by the week's end in the due list's order."""
    grids = list(home_service.load_home().grid_codes)
    every = list(Venue.select().where(home_service.due_condition(grids, day)))
    every.sort(key=lambda v: (v.due_on or day, v.code))
    return grids, every


PAGE = 4  # the small demo has 5 overdue venues


def _overdue(grids: list[str], day: dt.date) -> int:
    return home_service.due_count(grids, day, "overdue")


def test_a_page_among_the_overdue_is_read_from_them_alone(
    demo_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    day = today()
    grids, every = _due(day)
    overdue = _overdue(grids, day)
    assert overdue > PAGE  # the demo has a backlog: a first page lies among it
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        page = home_service.due_venues(grids, day, limit=PAGE, overdue=overdue)
    assert [v.id for v in page] == [v.id for v in every[:PAGE]]
    statements = [str(r.msg if not r.args else r.args[0]) for r in caplog.records]
    picked = [s for s in statements if "COALESCE" in s]
    assert picked and all("IS NULL" not in s for s in picked)  # not the week's whole list


def test_a_page_past_the_overdue_is_read_from_the_whole_list(demo_home: Path) -> None:
    day = today()
    grids, every = _due(day)
    overdue = _overdue(grids, day)
    page = home_service.due_venues(grids, day, limit=PAGE, offset=overdue - 2, overdue=overdue)
    assert [v.id for v in page] == [v.id for v in every[overdue - 2 : overdue - 2 + PAGE]]


def test_overdue_venues_inspected_since_they_were_counted_leave_no_gap(demo_home: Path) -> None:
    day = today()
    grids, every = _due(day)
    counted = _overdue(grids, day)
    inspected = [v.id for v in every[2:counted]]  # all but the first 2
    Venue.update(due_on=day + dt.timedelta(days=30)).where(Venue.id.in_(inspected)).execute()
    page = home_service.due_venues(grids, day, limit=PAGE, overdue=counted)  # a stale count
    _, now_due = _due(day)
    assert [v.id for v in page] == [v.id for v in now_due[:PAGE]]  # 2 overdue, then today's


def test_todays_count_is_due_today_and_never_inspected(demo_home: Path) -> None:
    day = today()
    grids, every = _due(day)
    never = Venue.select().where(Venue.grid.in_(grids) & Venue.due_on.is_null()).count()
    assert never > 0  # the demo has venues never inspected
    expected = sum(1 for v in every if v.due_on is None or v.due_on == day)
    assert home_service.due_count(grids, day, "today") == expected
    assert home_service.load_home().due_counts["today"] == expected
