"""Completion per grid for a period.

Completion for a period [first, last] is venue-based: a venue is *due* in the period when
its due date as it stood at the start of the period (last inspection before `first` plus
its interval; never inspected = due) falls on or before `last`; it is *done* when it was
also inspected in the period. Counts roll up area → village → town.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.domain import cadence as cad
from fieldapp.domain.clock import local_sql
from fieldapp.services.common import settings
from fieldapp.services.common.checklists import uncovered_kinds
from fieldapp.services.common.grid_tree import grid_tree
from fieldapp.services.common.identity import me
from fieldapp.services.common.periods import period_bounds_utc
from fieldapp.services.rounds.due import kinds_in_store
from fieldapp.store.db import db


@dataclass(frozen=True)
class GridCompletion:
    code: str
    name: str
    level: str
    parent: str | None
    depth: int
    venues: int  # venues in the grid and under it
    due: int  # due in the period
    done: int  # due in the period and inspected in it
    inspected: int  # inspected in the period, due or not

    @property
    def rate(self) -> float | None:
        """done / due, or None when nothing was due."""
        return self.done / self.due if self.due else None


def _interval_case(cadence: dict[str, int], kinds: list[str]) -> tuple[str, list[object]]:
    high = " ".join("WHEN ? THEN ?" for _ in kinds)
    sql = (
        f"(CASE WHEN v.risk_level = 'high' THEN (CASE v.kind {high} ELSE ? END) "
        f"ELSE (CASE v.kind {high} ELSE ? END) END)"
    )
    params: list[object] = []
    for k in kinds:
        params += [k, cad.interval_days(k, "high", cadence)]
    params.append(cad.interval_days("?", "high", cadence))
    for k in kinds:
        params += [k, cad.interval_days(k, "normal", cadence)]
    params.append(cad.interval_days("?", "normal", cadence))
    return sql, params


def _completion_per_grid(
    scope: list[str], first: dt.date, last: dt.date
) -> dict[str, tuple[int, int, int, int]]:
    """grid -> (venues, due, done, inspected) for venues directly in the grid."""
    start, end = period_bounds_utc(first, last)
    kinds = sorted(set(settings.cadence()) | set(kinds_in_store()))
    interval, interval_params = _interval_case(settings.cadence(), kinds)
    # a kind no checklist covers cannot be inspected, so its venues are never due (应检)
    uncovered = uncovered_kinds(kinds)
    inspectable = f"v.kind NOT IN ({', '.join('?' for _ in uncovered)})" if uncovered else "1"
    marks = ", ".join("?" for _ in scope)
    sql = f"""
        WITH done AS (
            -- GROUP BY, not DISTINCT: SQLite then indexes the CTE for the join below
            -- (with DISTINCT it scanned it once per venue: 200 s at 100k venues).
            SELECT venue_id FROM inspection
            WHERE status = 'submitted' AND submitted_at >= ? AND submitted_at < ?
            GROUP BY venue_id
        ), before AS (
            SELECT venue_id, MAX(date(submitted_at, 'localtime')) AS last FROM inspection
            WHERE status = 'submitted' AND submitted_at < ? GROUP BY venue_id
        ), v2 AS (
            SELECT v.id, v.grid_code,
                   COALESCE(b.last, CASE WHEN v.last_inspected_on < ?
                                         THEN v.last_inspected_on END) AS last,
                   {interval} AS days,
                   d.venue_id IS NOT NULL AS inspected,
                   {inspectable} AS inspectable
            FROM venue v
            LEFT JOIN before b ON b.venue_id = v.id
            LEFT JOIN done d ON d.venue_id = v.id
            WHERE v.grid_code IN ({marks})
        ), v3 AS (
            SELECT grid_code, inspected,
                   inspectable AND (last IS NULL OR date(last, '+' || days || ' days') <= ?) AS due
            FROM v2
        )
        SELECT grid_code, COUNT(*), SUM(due), SUM(due AND inspected), SUM(inspected)
        FROM v3 GROUP BY grid_code
    """
    params = [start, end, start, first.isoformat(), *interval_params, *uncovered]
    params += [*scope, last.isoformat()]
    cursor = db.execute_sql(local_sql(sql), params)
    return {row[0]: (row[1], row[2] or 0, row[3] or 0, row[4] or 0) for row in cursor}


def completion(
    first: dt.date, last: dt.date, *, grids: Sequence[str] | None = None
) -> list[GridCompletion]:
    """Completion per grid for the local dates first..last, in tree order, each grid's
    figures including everything under it (area → village → town)."""
    nodes = grid_tree(list(grids) if grids is not None else [c for c, _ in me().grids])
    own = _completion_per_grid([n.code for n in nodes], first, last) if nodes else {}
    total: dict[str, tuple[int, int, int, int]] = {}
    zero = (0, 0, 0, 0)
    for node in reversed(nodes):
        mine = total.get(node.code, zero)
        here = own.get(node.code, zero)
        total[node.code] = tuple(a + b for a, b in zip(mine, here, strict=True))  # type: ignore[assignment]
        if node.parent is not None:
            up = total.get(node.parent, zero)
            total[node.parent] = tuple(a + b for a, b in zip(up, total[node.code], strict=True))  # type: ignore[assignment]
    return [
        GridCompletion(n.code, n.name, n.level, n.parent, n.depth, *total.get(n.code, zero))
        for n in nodes
    ]
