"""Due dates and due lists.

Due dates are computed offline from each venue's kind, risk level and last inspection
(`Venue.due_on`, a cache that `inspections.submit` moves forward and `set_cadence`
recomputes for a whole kind in one statement). Buckets follow `domain.cadence.bucket`:
overdue (due before today), today (due today, or never inspected), week (due by Sunday),
later. Counts roll up area → village → town.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from peewee import Case, fn

from fieldapp.domain import cadence as cad
from fieldapp.domain.clock import today
from fieldapp.services.common import settings
from fieldapp.services.common.checklists import due_in
from fieldapp.services.common.grid_tree import GridNode, grid_tree
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.kinds import venue_kinds
from fieldapp.store.db import db, rows, write_transaction
from fieldapp.store.models import Grid, Person, PersonGrid, Venue

BUCKETS = ("overdue", "today", "week", "later")


# ---------------------------------------------------------------- cadence and due dates


def _interval_pairs(kinds: Iterable[str], cadence: dict[str, int]) -> list[tuple[int, int, str]]:
    """(high-risk days, other days, kind) for each kind."""
    return [
        (cad.interval_days(k, "high", cadence), cad.interval_days(k, "normal", cadence), k)
        for k in kinds
    ]


def kinds_in_store() -> list[str]:
    return [row.kind for row in Venue.select(Venue.kind).distinct()]


_DUE_ON_SQL = (
    "CASE WHEN last_inspected_on IS NULL THEN NULL "
    "ELSE date(last_inspected_on, '+' || (CASE WHEN risk_level = 'high' THEN :high "
    "ELSE :other END) || ' days') END"
)
# Rows whose due date is already right are not written (a sync recomputes every kind).
_RECOMPUTE_SQL = (
    f"UPDATE venue SET due_on = {_DUE_ON_SQL} WHERE kind = :kind AND due_on IS NOT {_DUE_ON_SQL}"
)


def recompute_due(kinds: Iterable[str] | None = None) -> int:
    """Recompute `Venue.due_on` from the cadence setting for the kinds given (all by
    default): one UPDATE per kind, run with executemany. Returns the kinds updated."""
    kinds = list(kinds) if kinds is not None else kinds_in_store()
    params = [
        {"high": high, "other": other, "kind": kind}
        for high, other, kind in _interval_pairs(kinds, settings.cadence())
    ]
    with write_transaction():
        db.cursor().executemany(_RECOMPUTE_SQL, params)
    return len(params)


def set_cadence(kind: str, days: int) -> None:
    """Change how often a kind is inspected and recompute its venues' due dates, together."""
    if kind not in venue_kinds():
        raise ValueError(f"unknown venue kind {kind!r}")
    if int(days) < 1:
        raise ValueError("a cadence is at least one day")
    with write_transaction():
        stored = dict(settings.get("cadence_days") or {})
        stored[kind] = int(days)
        settings.put("cadence_days", stored)
        recompute_due([kind])


def cadence_days() -> dict[str, int]:
    """The cadence in force per kind (defaults merged with the setting)."""
    return settings.cadence()


# ---------------------------------------------------------------- due lists


@dataclass(frozen=True)
class DueCounts:
    overdue: int = 0
    today: int = 0
    week: int = 0
    later: int = 0

    @property
    def due_now(self) -> int:
        """Overdue plus due today."""
        return self.overdue + self.today

    @property
    def this_week(self) -> int:
        """Everything due by the end of the week, overdue included."""
        return self.overdue + self.today + self.week

    def __add__(self, other: DueCounts) -> DueCounts:
        return DueCounts(
            self.overdue + other.overdue,
            self.today + other.today,
            self.week + other.week,
            self.later + other.later,
        )


@dataclass(frozen=True)
class GridDue:
    code: str
    name: str
    level: str
    parent: str | None
    depth: int
    own: DueCounts  # venues directly in this grid
    total: DueCounts  # this grid and every grid under it


@dataclass(frozen=True)
class InspectorDue:
    person_id: str
    name: str
    grids: tuple[str, ...]  # the grids assigned to the person
    counts: DueCounts  # over those grids and the grids under them


def _bucket_expr(day: dt.date):  # type: ignore[no-untyped-def]
    return Case(
        None,
        [
            (Venue.due_on.is_null() | (Venue.due_on == day), "today"),
            (Venue.due_on < day, "overdue"),
            (Venue.due_on <= cad.week_end(day), "week"),
        ],
        "later",
    )


def _my_scope() -> list[str]:
    return grid_codes_under([code for code, _ in me().grids])


def _bucket_condition(day: dt.date, bucket: str | None):  # type: ignore[no-untyped-def]
    if bucket == "overdue":
        return Venue.due_on < day
    if bucket == "today":
        return (Venue.due_on == day) | Venue.due_on.is_null()
    if bucket == "week":
        return (Venue.due_on > day) & (Venue.due_on <= cad.week_end(day))
    if bucket == "later":
        return Venue.due_on > cad.week_end(day)
    if bucket is None:
        return (Venue.due_on <= cad.week_end(day)) | Venue.due_on.is_null()
    raise ValueError(f"unknown bucket {bucket!r}; use one of {', '.join(BUCKETS)}")


def person_scope(person_id: str) -> list[str]:
    """The grids a person is assigned to and every grid under them."""
    links = PersonGrid.select(PersonGrid.grid).where(PersonGrid.person == person_id)
    codes = [code for (code,) in rows(links)]
    return grid_codes_under(codes)


def due_venues(
    *,
    day: dt.date | None = None,
    bucket: str | None = None,
    grids: Sequence[str] | None = None,
    person_id: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Venue]:
    """One page of the due list, most overdue first (never inspected counts as today).

    `bucket` None means everything due by the end of the week. The scope is `grids` and
    the grids under them, else `person_id`'s grids, else mine.
    """
    day = day or today()
    if grids is not None:
        scope = grid_codes_under(list(grids))
    elif person_id is not None:
        scope = person_scope(person_id)
    else:
        scope = _my_scope()
    query = (
        Venue.select(Venue, Grid).join(Grid).where(due_in(scope) & _bucket_condition(day, bucket))
    )
    if kind:
        query = query.where(Venue.kind == kind)
    return list(
        query.order_by(fn.COALESCE(Venue.due_on, day), Venue.code).limit(limit).offset(offset)
    )


def _counts_per_grid(scope: list[str], day: dt.date) -> dict[str, DueCounts]:
    bucket = _bucket_expr(day)
    query = (
        Venue.select(Venue.grid, bucket.alias("bucket"), fn.COUNT(Venue.id).alias("n"))
        .where(due_in(scope))
        .group_by(Venue.grid, bucket)
    )
    raw: dict[str, dict[str, int]] = {}
    for grid_code, name, n in rows(query):
        raw.setdefault(grid_code, {})[name] = n
    return {code: DueCounts(**values) for code, values in raw.items()}


def _roll_up(nodes: list[GridNode], own: dict[str, DueCounts]) -> dict[str, DueCounts]:
    total: dict[str, DueCounts] = {}
    for node in reversed(nodes):  # children come after their parent
        total[node.code] = total.get(node.code, DueCounts()) + own.get(node.code, DueCounts())
        if node.parent is not None:
            total[node.parent] = total.get(node.parent, DueCounts()) + total[node.code]
    return total


def due_by_grid(grids: Sequence[str] | None = None, day: dt.date | None = None) -> list[GridDue]:
    """Due counts per grid in tree order, own venues and rolled up."""
    day = day or today()
    nodes = grid_tree(list(grids) if grids is not None else [c for c, _ in me().grids])
    own = _counts_per_grid([n.code for n in nodes], day)
    total = _roll_up(nodes, own)
    return [
        GridDue(
            n.code,
            n.name,
            n.level,
            n.parent,
            n.depth,
            own.get(n.code, DueCounts()),
            total.get(n.code, DueCounts()),
        )
        for n in nodes
    ]


def due_by_inspector(
    grids: Sequence[str] | None = None, day: dt.date | None = None
) -> list[InspectorDue]:
    """Due counts for each person assigned to a grid in scope (mine by default)."""
    day = day or today()
    scope = grid_codes_under(list(grids) if grids is not None else [c for c, _ in me().grids])
    own = _counts_per_grid(scope, day)
    links = (
        PersonGrid.select(PersonGrid.person, PersonGrid.grid, Person.name)
        .join(Person)
        .where(PersonGrid.grid.in_(scope))
        .order_by(Person.name, PersonGrid.person)
    )
    people: dict[str, tuple[str, list[str]]] = {}
    for person_id, grid_code, name in rows(links):
        people.setdefault(person_id, (name, []))[1].append(grid_code)
    result = []
    for person_id, (name, assigned) in people.items():
        counts = DueCounts()
        for code in grid_codes_under(assigned):
            if code in own:
                counts = counts + own[code]
        result.append(InspectorDue(person_id, name, tuple(sorted(assigned)), counts))
    return result
