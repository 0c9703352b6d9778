"""The supervisor's review queues of hazards (隐患): scope, filters, pages and counts.

Queues page straight from the store (light `ReviewRow` tuples, never model objects), so a
device holding 100,000 findings answers a change of filter in milliseconds; the cached
`Finding.state`, `current_deadline` and `conflict` columns (kept by
`services.inspection.findings.refresh`) are what the queues filter on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from peewee import JOIN, Expression

from fieldapp.domain import findings as machine
from fieldapp.domain.clock import today
from fieldapp.domain.lifecycle import self_verified
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.periods import local_date_of
from fieldapp.services.common.refused_records import on_record
from fieldapp.services.inspection import findings
from fieldapp.services.inspection.active_findings import overdue_condition
from fieldapp.store.models import Finding, FindingEvent, Grid, Person, Venue
from fieldapp.store.payloads import folded_event

QUEUES = (
    "awaiting_verification",
    "overdue",
    "major",
    "handed_over",
    "conflicts",
    "active",
    "all",
)
SORTS = ("deadline", "venue", "severity", "found")
ACTIVE_STATES = findings.ACTIVE_STATES


@dataclass(frozen=True)
class ReviewFilters:
    """What the review list shows. Empty values do not filter."""

    queue: str = "awaiting_verification"  # one of QUEUES
    grids: tuple[str, ...] = ()  # grid codes, descendants included; () = all my grids
    kinds: tuple[str, ...] = ()  # venue kinds
    severity: str | None = None  # general | major
    inspector: str | None = None  # person id of who found it
    found_from: dt.date | None = None
    found_to: dt.date | None = None  # inclusive
    sort: str = "deadline"  # one of SORTS
    descending: bool = False


@dataclass(frozen=True, slots=True)
class ReviewRow:
    finding_id: str
    venue_id: str
    venue_code: str
    venue_name: str
    item_code: str
    severity: str
    state: str
    deadline: dt.date | None
    overdue: bool
    inspector_name: str
    found_on: dt.date | None
    conflict: bool
    # The fix was reported by this device's person, who may not verify it (`self_verified`).
    own_fix: bool = False
    found_at: str = ""  # when it was found (the stamp `found_on` is the day of)

    @property
    def label(self) -> str:
        return finding_label(self.venue_code, self.venue_name, self.item_code)


def finding_label(venue_code: str, venue_name: str, item_code: str) -> str:
    """A hazard as a person names it: its venue's code and name, then the check item."""
    return f"{venue_code} {venue_name} · {item_code}"


# --- scope and filters -----------------------------------------------------------------


def my_scope() -> list[str] | None:
    """The grid codes this device's person may review (descendants included); None = all.

    An administrator with no grids assigned sees everything in the store.
    """
    who = me()
    if not who.grids and who.role == "admin":
        return None
    codes = grid_codes_under([code for code, _ in who.grids])
    if len(codes) >= Grid.select().count():
        return None  # every grid on the device: no condition to check per row
    return codes


def _grid_scope(wanted: Iterable[str], scope: list[str] | None) -> list[str] | None:
    wanted = list(wanted)
    if not wanted:
        return scope
    chosen = grid_codes_under(wanted)
    if scope is None:
        return chosen
    allowed = set(scope)
    return [code for code in chosen if code in allowed]


def _queue_condition(queue: str, day: dt.date) -> Expression | None:
    if queue == "awaiting_verification":
        return Finding.state == machine.REPORTED
    if queue == "overdue":
        return overdue_condition(day)
    if queue == "major":
        return (Finding.severity == "major") & Finding.state.in_(ACTIVE_STATES)
    if queue == "handed_over":
        return Finding.state == machine.HANDED_OVER
    if queue == "conflicts":
        return Finding.conflict == True  # noqa: E712 (a SQL expression)
    if queue == "active":
        return Finding.state.in_(ACTIVE_STATES)
    if queue == "all":
        return None
    raise ValueError(f"unknown queue {queue!r}; use one of {', '.join(QUEUES)}")


def _conditions(
    filters: ReviewFilters, day: dt.date, scope: list[str] | None, *, queue: bool = True
) -> list[Expression]:
    # A refused inspection's hazards are in no queue: the office never had them, and any
    # action on one would be refused as unknown (the inspection itself is marked refused
    # in the venue's history, where it is sent again or discarded).
    conds: list[Expression] = [on_record(Finding.inspection)]
    if queue:
        cond = _queue_condition(filters.queue, day)
        if cond is not None:
            conds.append(cond)
    grids = _grid_scope(filters.grids, scope)
    if grids is not None:
        conds.append(Venue.grid.in_(grids))
    if filters.kinds:
        conds.append(Venue.kind.in_(list(filters.kinds)))
    if filters.severity:
        conds.append(Finding.severity == filters.severity)
    if filters.inspector:
        conds.append(Finding.created_by == filters.inspector)
    if filters.found_from:
        conds.append(Finding.created_at >= filters.found_from.isoformat())
    if filters.found_to:
        conds.append(Finding.created_at < (filters.found_to + dt.timedelta(days=1)).isoformat())
    return conds


def _order(filters: ReviewFilters) -> list[Any]:
    if filters.sort not in SORTS:
        raise ValueError(f"unknown sort {filters.sort!r}; use one of {', '.join(SORTS)}")

    def way(column: Any, *, reverse: bool = False) -> Any:
        return column.desc() if filters.descending != reverse else column.asc()

    primary = {
        "deadline": way(Finding.current_deadline),
        "venue": way(Venue.code),
        "severity": way(Finding.severity, reverse=True),  # major before general
        "found": way(Finding.created_at),
    }[filters.sort]
    tail = [] if filters.sort == "deadline" else [Finding.current_deadline]
    return [primary, *tail, Finding.id]


def in_queue_order(rows: Iterable[ReviewRow], filters: ReviewFilters) -> list[ReviewRow]:
    """`rows` (marked on several pages, or in another queue) as the queue lists them under
    `filters`' sort, the order `_order` has the store give (an empty value first going up,
    as SQLite sorts NULL): stable sorts from the last key to the first."""

    def filled(value: Any) -> tuple[bool, Any]:
        return (value is not None, value)

    ordered = sorted(rows, key=attrgetter("finding_id"))
    if filters.sort != "deadline":
        ordered.sort(key=lambda row: filled(row.deadline))
    primary: dict[str, Callable[[ReviewRow], Any]] = {
        "deadline": lambda row: filled(row.deadline),
        "venue": attrgetter("venue_code"),
        "severity": attrgetter("severity"),
        "found": attrgetter("found_at"),
    }
    reverse = filters.descending != (filters.sort == "severity")  # major before general
    ordered.sort(key=primary[filters.sort], reverse=reverse)
    return ordered


def _where(conds: list[Expression]) -> Expression | bool:
    result: Expression | bool = True
    for cond in conds:
        result = cond if result is True else (result & cond)
    return result


# --- queues ---------------------------------------------------------------------------


def review_queue(
    filters: ReviewFilters, *, limit: int = 50, offset: int = 0, day: dt.date | None = None
) -> list[ReviewRow]:
    """One page of the review list."""
    day = day or today()
    conds = _conditions(filters, day, my_scope())
    query = (
        Finding.select(
            Finding.id,
            Venue.id,
            Venue.code,
            Venue.name,
            Finding.item_code,
            Finding.severity,
            Finding.state,
            Finding.current_deadline,
            Person.name,
            Finding.created_at,
            Finding.conflict,
        )
        .join(Venue)
        .switch(Finding)
        .join(Person, JOIN.LEFT_OUTER, on=(Finding.created_by == Person.id))
        .where(_where(conds))
        .order_by(*_order(filters))
        .limit(limit)
        .offset(offset)
        .tuples()
    )
    rows = []
    raw: list[tuple[Any, ...]] = list(query)  # type: ignore[arg-type]
    own = own_fixes([r[0] for r in raw if r[6] == machine.REPORTED])
    for fid, vid, code, name, item, sev, state, deadline, inspector, created, conflict in raw:
        if isinstance(deadline, str):
            deadline = dt.date.fromisoformat(deadline)
        rows.append(
            ReviewRow(
                finding_id=fid,
                venue_id=vid,
                venue_code=code,
                venue_name=name,
                item_code=item,
                severity=sev,
                state=state,
                deadline=deadline,
                overdue=machine.is_overdue(state, deadline, day),
                inspector_name=inspector or "",
                found_on=_date_of(created),
                found_at=created or "",
                conflict=bool(conflict),
                own_fix=fid in own,
            )
        )
    return rows


def own_fixes(finding_ids: list[str]) -> set[str]:
    """Of these findings, those whose fix (reported last) this device's person reported:
    the fold's rule (`self_verified`), so the verify dialog can say it before F10. One
    query for the lot."""
    if not finding_ids:
        return set()
    events: dict[str, list[dict[str, Any]]] = {fid: [] for fid in finding_ids}
    for e in FindingEvent.select().where(FindingEvent.finding.in_(finding_ids)):
        events[e.finding_id].append(folded_event(e))
    person = me().person_id
    return {
        fid
        for fid, evs in events.items()
        if evs and self_verified("verified", person, machine.fold(evs).reported_by)
    }


def queue_count(filters: ReviewFilters, *, day: dt.date | None = None) -> int:
    """How many findings the list holds with these filters (for the pager)."""
    day = day or today()
    conds = _conditions(filters, day, my_scope())
    return _count(conds)


def _count(conds: list[Expression]) -> int:
    query = Finding.select(Finding.id)
    venue_columns = (Venue.grid, Venue.kind)
    if any(any(getattr(c, "lhs", None) is col for col in venue_columns) for c in conds):
        query = query.join(Venue)  # only when a condition needs the venue
    return int(query.where(_where(conds)).count())


def queue_counts(filters: ReviewFilters, *, day: dt.date | None = None) -> dict[str, int]:
    """The size of every queue under the same filters (for the queue tabs)."""
    day = day or today()
    scope = my_scope()
    counts = {}
    for queue in QUEUES:
        conds = _conditions(ReviewFilters(**{**filters.__dict__, "queue": queue}), day, scope)
        counts[queue] = _count(conds)
    return counts


def inspector_choices() -> list[tuple[str, str]]:
    """(person id, name) of everyone who found a hazard on this device, for the filter."""
    ids = Finding.select(Finding.created_by).distinct()
    query = Person.select(Person.id, Person.name).where(Person.id.in_(ids)).order_by(Person.name)
    return [(p.id, p.name) for p in query]


def _date_of(stamp: str | None) -> dt.date | None:
    if not stamp:
        return None
    try:
        return local_date_of(stamp)  # the office's date, as the review's detail says it
    except ValueError:
        return None
