"""What is due, and how each period was done.

`due_activities` is the home list's counterpart of due venues: for every activity type,
every grid of mine (or under mine) at one of the type's levels whose current period has
no record yet (one the server refused is none), from a week before its due day; overdue first. `period_outcomes` judges
every period whose last on-time day falls in a stretch of days, for the reports:
on time, late, missed, or still open.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.domain.activities import ActivityType, Window
from fieldapp.domain.clock import today
from fieldapp.services.activities.types import activity_types
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.store.activity_models import Activity
from fieldapp.store.db import rows
from fieldapp.store.models import Grid
from fieldapp.store.refused_conditions import not_refused
from fieldapp.store.refused_records import ACTIVITY_RECORD

UPCOMING_DAYS = 7
_STATUS_ORDER = {"overdue": 0, "due": 1, "upcoming": 2}


@dataclass(frozen=True)
class DueActivity:
    kind: ActivityType
    grid_code: str
    grid_name: str
    window: Window
    status: str  # overdue | due | upcoming


@dataclass(frozen=True)
class PeriodOutcome:
    kind: ActivityType
    grid_code: str
    window: Window
    state: str  # on_time | late | missed | open (not done, still time left)
    held_on: dt.date | None


def _grids(grids: Sequence[str] | None) -> list[tuple[str, str, str]]:
    """(code, name, level) of the grids in scope: mine and those under them by default."""
    roots = list(grids) if grids is not None else [code for code, _ in me().grids]
    codes = grid_codes_under(roots)
    query = Grid.select(Grid.code, Grid.name, Grid.level).where(Grid.code.in_(codes))
    return sorted(rows(query))


def _held(codes: list[str], first: dt.date, last: dt.date) -> dict[tuple[str, str], list[dt.date]]:
    """(type, grid) -> the days activities were held first..last, in order."""
    found: dict[tuple[str, str], list[dt.date]] = defaultdict(list)
    if not codes:
        return found
    query = (
        Activity.select(Activity.type_code, Activity.grid, Activity.held_on)
        .where(
            Activity.grid.in_(codes)
            & Activity.held_on.between(first, last)
            & not_refused(ACTIVITY_RECORD, Activity.id)  # the office never had it
        )
        .order_by(Activity.held_on)
    )
    for type_code, grid_code, held_on in rows(query):
        day = held_on if isinstance(held_on, dt.date) else dt.date.fromisoformat(str(held_on))
        found[(type_code, grid_code)].append(day)
    return found


def _first_in(days: list[dt.date], window: Window) -> dt.date | None:
    return next((d for d in days if window.period_start <= d <= window.period_end), None)


def due_activities(
    day: dt.date | None = None, *, grids: Sequence[str] | None = None
) -> list[DueActivity]:
    """Activities not yet held this period in my grids, due within a week or past due."""
    day = day or today()
    scope = _grids(grids)
    kinds = activity_types()
    windows = {kind.code: kind.cadence.window(day) for kind in kinds}
    earliest = min((w.period_start for w in windows.values()), default=day)
    latest = max((w.period_end for w in windows.values()), default=day)
    held = _held([code for code, _, _ in scope], earliest, latest)
    found = []
    for kind in kinds:
        window = windows[kind.code]
        if window.due_on > day + dt.timedelta(days=UPCOMING_DAYS):
            continue
        for code, name, level in scope:
            if level in kind.levels and _first_in(held.get((kind.code, code), []), window) is None:
                found.append(DueActivity(kind, code, name, window, window.status(day)))
    found.sort(key=_listed_order)
    return found


def _listed_order(due: DueActivity) -> tuple[int, dt.date, str, str]:
    """Overdue, open, upcoming; within them by the last on-time day (the most days late,
    the fewest days left first), an upcoming one by the day it opens."""
    day = due.window.due_on if due.status == "upcoming" else due.window.due_by
    return _STATUS_ORDER[due.status], day, due.grid_code, due.kind.code


def period_outcomes(
    first: dt.date,
    last: dt.date,
    *,
    grids: Sequence[str],
    day: dt.date | None = None,
) -> list[PeriodOutcome]:
    """Every period of every type whose last on-time day is in first..last, for the
    grids (and those under them) at the type's levels, judged on `day` (today)."""
    day = day or today()
    scope = _grids(grids)
    kinds = activity_types()
    spans = {
        kind.code: kind.cadence.windows(first - dt.timedelta(days=366), last) for kind in kinds
    }
    windows = {
        code: [w for w in found if first <= w.due_by <= last] for code, found in spans.items()
    }
    starts = [w.period_start for found in windows.values() for w in found]
    ends = [w.period_end for found in windows.values() for w in found]
    held = _held(
        [code for code, _, _ in scope], min(starts, default=first), max(ends, default=last)
    )
    result = []
    for kind in kinds:
        for window in windows[kind.code]:
            for code, _, level in scope:
                if level not in kind.levels:
                    continue
                on = _first_in(held.get((kind.code, code), []), window)
                if on is not None:
                    state = "on_time" if on <= window.due_by else "late"
                else:
                    state = "open" if day <= window.due_by else "missed"
                result.append(PeriodOutcome(kind, code, window, state, on))
    return result
