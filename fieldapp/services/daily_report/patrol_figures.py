"""Patrol figures for the reports, through this one function.

Patrol routes and runs are their own capability (`fieldapp.services.patrols`); the daily
and monthly reports read their figures only here, so the reports do not know how
attendance is computed. A window still open (or not yet open) counts in none of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fieldapp.domain import patrols

PATROL_KEYS = (
    "patrols_done", "patrols_late", "patrols_partial", "patrols_partial_late", "patrols_missed",
    "missed_posts",
)  # fmt: skip


def patrol_figures_by_grid(
    scope: Sequence[str], first: dt.date, last: dt.date, *, now: dt.datetime | None = None
) -> dict[str, dict[str, int]]:
    """Patrol windows due first..last per grid code of `scope` (each grid its own routes):
    done (on time or late), of them late, partly done and their checkpoints reached late
    (as attendance says them: a late window is done, a partly done one is not late),
    not done, and checkpoints missed (空岗漏岗). One attendance reading for all the grids."""
    from fieldapp.services.patrols.attendance import attendance

    found: dict[str, dict[str, int]] = {}
    for row in attendance(first, last, grid_codes=scope, now=now):
        figures = found.setdefault(row.grid_code, dict.fromkeys(PATROL_KEYS, 0))
        if row.status in patrols.DONE_STATUSES:
            figures["patrols_done"] += 1
            figures["patrols_late"] += row.status == patrols.LATE
        elif row.status == patrols.PARTIAL:
            figures["patrols_partial"] += 1
            figures["patrols_partial_late"] += len(row.late)
        elif row.status == patrols.NOT_DONE:
            figures["patrols_missed"] += 1
        figures["missed_posts"] += len(row.missed)
    return found


def add_up(by_grid: dict[str, dict[str, int]], codes: Sequence[str]) -> dict[str, int]:
    """The figures of the grids `codes` together."""
    total = dict.fromkeys(PATROL_KEYS, 0)
    for code in codes:
        for key, value in by_grid.get(code, {}).items():
            total[key] += value
    return total


def patrol_figures(
    scope: Sequence[str], first: dt.date, last: dt.date, *, now: dt.datetime | None = None
) -> dict[str, int]:
    """Patrol windows due first..last in the grids `scope` (already expanded), together."""
    return add_up(patrol_figures_by_grid(scope, first, last, now=now), scope)
