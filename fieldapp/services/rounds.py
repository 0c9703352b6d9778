"""Due lists, an inspector's round for the day, and completion per grid.

Due dates are computed offline from each venue's kind, risk level and last inspection
(`Venue.due_on`, a cache that `inspections.submit` moves forward and `set_cadence`
recomputes for a whole kind in one statement). Buckets follow `domain.cadence.bucket`:
overdue (due before today), today (due today, or never inspected), week (due by Sunday),
later.

A round is one person's ordered list of venues for one local date. A stop is done when
the venue has a submitted inspection on that date, by anyone.

Completion for a period [first, last] is venue-based: a venue is *due* in the period when
its due date as it stood at the start of the period (last inspection before `first` plus
its interval; never inspected = due) falls on or before `last`; it is *done* when it was
also inspected in the period. Counts roll up area → village → town.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from peewee import Case, fn

from fieldapp.domain import cadence as cad
from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.ids import new_id
from fieldapp.domain.kinds import VENUE_KINDS
from fieldapp.services import settings
from fieldapp.services.identity import grid_codes_under, me
from fieldapp.services.periods import day_bounds_utc, period_bounds_utc
from fieldapp.store.db import db
from fieldapp.store.models import Grid, Inspection, Person, PersonGrid, Venue
from fieldapp.store.rounds_models import Round, RoundStop

BUCKETS = ("overdue", "today", "week", "later")


def rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's result as plain tuples (typed for mypy: the stubs type rows as models)."""
    return cast(list[tuple[Any, ...]], list(query.tuples()))


class UnknownVenue(LookupError):
    """A venue id that is not in the store."""


class RoundNotFound(LookupError):
    """No round with that id."""


# ---------------------------------------------------------------- cadence and due dates


def _interval_pairs(kinds: Iterable[str], cadence: dict[str, int]) -> list[tuple[int, int, str]]:
    """(high-risk days, other days, kind) for each kind."""
    return [
        (cad.interval_days(k, "high", cadence), cad.interval_days(k, "normal", cadence), k)
        for k in kinds
    ]


def _kinds_in_store() -> list[str]:
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
    kinds = list(kinds) if kinds is not None else _kinds_in_store()
    params = [
        {"high": high, "other": other, "kind": kind}
        for high, other, kind in _interval_pairs(kinds, settings.cadence())
    ]
    with db.atomic():
        db.cursor().executemany(_RECOMPUTE_SQL, params)
    return len(params)


def set_cadence(kind: str, days: int) -> None:
    """Change how often a kind is inspected and recompute its venues' due dates, together."""
    if kind not in VENUE_KINDS:
        raise ValueError(f"unknown venue kind {kind!r}")
    if int(days) < 1:
        raise ValueError("a cadence is at least one day")
    with db.atomic():
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
        Venue.select(Venue, Grid)
        .join(Grid)
        .where(Venue.grid.in_(scope) & _bucket_condition(day, bucket))
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
        .where(Venue.grid.in_(scope))
        .group_by(Venue.grid, bucket)
    )
    raw: dict[str, dict[str, int]] = {}
    for grid_code, name, n in rows(query):
        raw.setdefault(grid_code, {})[name] = n
    return {code: DueCounts(**values) for code, values in raw.items()}


@dataclass(frozen=True)
class _Node:
    code: str
    name: str
    level: str
    parent: str | None
    depth: int


def grid_tree(codes: Sequence[str]) -> list[_Node]:
    """The grids given (with everything under them) in tree order: each grid, then its
    children by code. Roots are the grids whose parent is outside the set."""
    scope = grid_codes_under(list(codes))
    query = Grid.select(Grid.code, Grid.name, Grid.level, Grid.parent).where(Grid.code.in_(scope))
    grids = sorted(rows(query))
    present = {g[0] for g in grids}
    children: dict[str | None, list[tuple[Any, ...]]] = {}
    for g in grids:
        children.setdefault(g[3] if g[3] in present else None, []).append(g)
    ordered: list[_Node] = []

    def walk(parent: str | None, depth: int) -> None:
        for code, name, level, up in children.get(parent, []):
            ordered.append(_Node(code, name, level, up, depth))
            walk(code, depth + 1)

    walk(None, 0)
    return ordered


def _roll_up(nodes: list[_Node], own: dict[str, DueCounts]) -> dict[str, DueCounts]:
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


# ---------------------------------------------------------------- rounds


@dataclass(frozen=True)
class Stop:
    position: int
    venue_id: str
    code: str
    name: str
    kind: str
    grid_code: str
    address: str
    due_on: dt.date | None
    done: bool
    inspection_id: str | None  # the submitted inspection that made it done


@dataclass(frozen=True)
class RoundProgress:
    round_id: str
    person_id: str
    date: dt.date
    stops: list[Stop]

    @property
    def total(self) -> int:
        return len(self.stops)

    @property
    def done(self) -> int:
        return sum(1 for s in self.stops if s.done)

    @property
    def remaining(self) -> int:
        return self.total - self.done

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.stops else 0.0

    @property
    def next_stop(self) -> Stop | None:
        return next((s for s in self.stops if not s.done), None)


def _check_venues(venue_ids: list[str]) -> None:
    found = {v.id for v in Venue.select(Venue.id).where(Venue.id.in_(venue_ids))}
    missing = [v for v in venue_ids if v not in found]
    if missing:
        raise UnknownVenue(", ".join(missing))


def _round(round_id: str) -> Round:
    found = Round.get_or_none(Round.id == round_id)
    if found is None:
        raise RoundNotFound(round_id)
    return found


def _stop_ids(round_id: str) -> list[str]:
    query = (
        RoundStop.select(RoundStop.venue)
        .where(RoundStop.round == round_id)
        .order_by(RoundStop.position)
    )
    return [venue_id for (venue_id,) in rows(query)]


def _write_order(round_id: str, venue_ids: list[str]) -> None:
    """Renumber the stops 0..n-1 in the given order (caller holds the transaction)."""
    db.cursor().executemany(
        "UPDATE round_stop SET position = ? WHERE round_id = ? AND venue_id = ?",
        [(i, round_id, v) for i, v in enumerate(venue_ids)],
    )
    Round.update(updated_at=now_iso()).where(Round.id == round_id).execute()


def round_for(day: dt.date | None = None, person_id: str | None = None) -> str | None:
    """The id of a person's round for a day (mine, today by default), or None."""
    person_id = person_id or me().person_id
    row = Round.get_or_none((Round.person == person_id) & (Round.date == (day or today())))
    return None if row is None else str(row.id)


def plan_round(
    venue_ids: Sequence[str], day: dt.date | None = None, *, person_id: str | None = None
) -> str:
    """Plan a day's round in the order given; returns its id.

    A person has one round per day: planning again adds the venues not yet on it at the
    end. Unknown venue ids are refused (UnknownVenue) and nothing is written.
    """
    day = day or today()
    person_id = person_id or me().person_id
    wanted = list(dict.fromkeys(venue_ids))
    _check_venues(wanted)
    stamp = now_iso()
    with db.atomic():
        existing = Round.get_or_none((Round.person == person_id) & (Round.date == day))
        if existing is None:
            existing = Round.create(
                id=new_id(), person=person_id, date=day, created_at=stamp, updated_at=stamp
            )
        _append(str(existing.id), wanted, stamp)
    return str(existing.id)


def _append(round_id: str, venue_ids: list[str], stamp: str) -> None:
    current = _stop_ids(round_id)
    new = [v for v in venue_ids if v not in set(current)]
    if new:
        RoundStop.insert_many(
            [
                {"round": round_id, "venue": v, "position": len(current) + i, "added_at": stamp}
                for i, v in enumerate(new)
            ]
        ).execute()
        Round.update(updated_at=stamp).where(Round.id == round_id).execute()


def add_stops(round_id: str, venue_ids: Sequence[str]) -> None:
    """Add venues at the end of a round (ones already on it stay where they are)."""
    wanted = list(dict.fromkeys(venue_ids))
    _check_venues(wanted)
    with db.atomic():
        _round(round_id)
        _append(round_id, wanted, now_iso())


def remove_stop(round_id: str, venue_id: str) -> None:
    with db.atomic():
        _round(round_id)
        RoundStop.delete().where(
            (RoundStop.round == round_id) & (RoundStop.venue == venue_id)
        ).execute()
        _write_order(round_id, _stop_ids(round_id))


def move_stop(round_id: str, venue_id: str, position: int) -> None:
    """Move one stop to `position` (clamped to the round), shifting the others."""
    with db.atomic():
        _round(round_id)
        order = _stop_ids(round_id)
        if venue_id not in order:
            raise UnknownVenue(venue_id)
        order.remove(venue_id)
        order.insert(max(0, min(position, len(order))), venue_id)
        _write_order(round_id, order)


def reorder_round(round_id: str, venue_ids: Sequence[str]) -> None:
    """Set the whole order at once; `venue_ids` must be exactly the round's stops."""
    with db.atomic():
        _round(round_id)
        current = _stop_ids(round_id)
        if sorted(venue_ids) != sorted(current):
            raise ValueError("the new order must list each stop of the round exactly once")
        _write_order(round_id, list(venue_ids))


def delete_round(round_id: str) -> None:
    with db.atomic():
        RoundStop.delete().where(RoundStop.round == round_id).execute()
        Round.delete().where(Round.id == round_id).execute()


def done_on(venue_ids: Sequence[str], day: dt.date) -> dict[str, str]:
    """venue id -> id of a submitted inspection of it on that local date."""
    if not venue_ids:
        return {}
    start, end = day_bounds_utc(day)
    query = (
        Inspection.select(Inspection.venue, Inspection.id)
        .where(
            Inspection.venue.in_(list(venue_ids))
            & (Inspection.status == "submitted")
            & (Inspection.submitted_at >= start)
            & (Inspection.submitted_at < end)
        )
        .order_by(Inspection.submitted_at)
    )
    return dict(rows(query))


def round_progress(round_id: str) -> RoundProgress:
    """The stops in order, each marked done when its venue was inspected that day."""
    found = _round(round_id)
    query = (
        Venue.select(
            Venue.id, Venue.code, Venue.name, Venue.kind, Venue.grid, Venue.address, Venue.due_on
        )
        .join(RoundStop)
        .where(RoundStop.round == round_id)
        .order_by(RoundStop.position)
    )
    venues = rows(query)
    done = done_on([v[0] for v in venues], found.date)
    stops = [
        Stop(i, vid, code, name, kind, grid, address, due, vid in done, done.get(vid))
        for i, (vid, code, name, kind, grid, address, due) in enumerate(venues)
    ]
    return RoundProgress(str(found.id), found.person, found.date, stops)


# ---------------------------------------------------------------- completion


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
    kinds = sorted(set(settings.cadence()) | set(_kinds_in_store()))
    interval, interval_params = _interval_case(settings.cadence(), kinds)
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
                   d.venue_id IS NOT NULL AS inspected
            FROM venue v
            LEFT JOIN before b ON b.venue_id = v.id
            LEFT JOIN done d ON d.venue_id = v.id
            WHERE v.grid_code IN ({marks})
        ), v3 AS (
            SELECT grid_code, inspected,
                   (last IS NULL OR date(last, '+' || days || ' days') <= ?) AS due
            FROM v2
        )
        SELECT grid_code, COUNT(*), SUM(due), SUM(due AND inspected), SUM(inspected)
        FROM v3 GROUP BY grid_code
    """
    params = [start, end, start, first.isoformat(), *interval_params, *scope, last.isoformat()]
    cursor = db.execute_sql(sql, params)
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
