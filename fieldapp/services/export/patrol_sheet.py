"""The ledger's patrol sheet (巡逻台账): one row per route, day and window with its
attendance — missed posts first — as the device knows it after sync.

The period is the export's dates; without them, from the first patrol run held to today.
"""

from __future__ import annotations

import datetime as dt

from peewee import fn

from fieldapp.domain.clock import today
from fieldapp.i18n import listed
from fieldapp.reports.ledger import Labels
from fieldapp.services.export.people_sheets import Row, Sheet
from fieldapp.services.patrols.attendance import attendance
from fieldapp.store.patrol_models import PatrolRoute, PatrolRun

PATROL_COLUMNS: tuple[tuple[str, int], ...] = (
    ("day", 11), ("window", 12), ("grid", 12), ("route_code", 10), ("route", 20),
    ("assignee", 12), ("walkers", 12), ("status", 10), ("done", 7), ("total", 7),
    ("missed", 36), ("late", 24), ("manual", 24), ("out_of_order", 8),
)  # fmt: skip


def write_patrol_sheet(
    sheet: Sheet,
    row: Row,
    labels: Labels,
    grids: list[str],
    first: dt.date | None,
    last: dt.date | None,
) -> int:
    """The sheet for the routes of `grids`; returns the rows written (no routes: none)."""
    if not PatrolRoute.select().where(PatrolRoute.grid.in_(grids)).exists():
        return 0
    if first is None:
        earliest = PatrolRun.select(fn.MIN(PatrolRun.day)).scalar()
        first = dt.date.fromisoformat(earliest) if earliest else (last or today())
    last = last or today()
    rows = attendance(first, last, grid_codes=grids)
    sheet("patrols", [labels(f"ledger.patrols.{k}") for k, _ in PATROL_COLUMNS],
          [w for _, w in PATROL_COLUMNS])  # fmt: skip
    for r in rows:
        row([r.day, r.window, r.grid_code, r.route_code, r.route_name, r.assignee,
             listed(r.walkers, labels.lang), labels(f"ledger.patrol_status.{r.status}"), r.done, r.total,
             listed(r.missed, labels.lang), listed(r.late, labels.lang), listed(r.manual, labels.lang),
             "✓" if r.out_of_order else ""])  # fmt: skip
    return len(rows)
