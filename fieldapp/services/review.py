"""The supervisor's review of hazards (隐患): queues, filters, bulk actions, detail.

Queues page straight from the store (light `ReviewRow` tuples, never model objects), so a
device holding 100,000 findings answers a change of filter in milliseconds; the cached
`Finding.state`, `current_deadline` and `conflict` columns (kept by
`services.findings.refresh`) are what the queues filter on. Every action goes through
`services.findings.append_event`, so the one state machine decides; a bulk action is one
transaction whose refusals are per finding and never abort the others.

Inspection review (reviewed / returned with a comment) lives in `review_inspections`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import JOIN, Expression, Model

from fieldapp.domain import findings as machine
from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.services import findings
from fieldapp.services.checklists import ChecklistNotFound, checklist_for_kind, get_checklist
from fieldapp.services.identity import grid_codes_under, me
from fieldapp.services.photos import blob_path
from fieldapp.store.db import db
from fieldapp.store.models import Finding, FindingEvent, Grid, Inspection, Person, Venue

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
# What a supervisor does in bulk from the review screen.
BULK_EVENTS = (
    "verified",
    "rejected",
    "deadline_extended",
    "handed_over",
    "outcome_recorded",
    "closed",
    "note",
)


class ActionRefused(ValueError):
    """A whole bulk action refused before anything was written; str() is for a person."""


class NotPermitted(ActionRefused, PermissionError):
    """This person's role may not do this."""


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


@dataclass(frozen=True, slots=True)
class BulkResult:
    finding_id: str
    applied: bool
    reason: str = ""  # why it was refused, for a person
    event_id: str | None = None


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
        return (Finding.state == machine.OPEN) & (Finding.current_deadline < day)
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
    conds: list[Expression] = []
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
    raw: Iterable[tuple[Any, ...]] = query  # type: ignore[assignment]
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
                overdue=state == machine.OPEN and deadline is not None and deadline < day,
                inspector_name=inspector or "",
                found_on=_date_of(created),
                conflict=bool(conflict),
            )
        )
    return rows


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


def fk(row: Model, name: str) -> Any:
    """The raw value of a foreign key column, without loading the row it points to."""
    return row.__data__.get(name)


def _date_of(stamp: str | None) -> dt.date | None:
    if not stamp:
        return None
    try:
        return dt.date.fromisoformat(stamp[:10])
    except ValueError:
        return None


# --- bulk actions -------------------------------------------------------------------------


def bulk_apply(
    finding_ids: Iterable[str],
    event_type: str,
    note: str = "",
    data: Mapping[str, Any] | None = None,
) -> list[BulkResult]:
    """Apply one action to many findings in one transaction; a result per finding.

    Raises NotPermitted (nothing written) when this person's role may not send the event
    at all, and ActionRefused when the action's data is incomplete (a missing deadline,
    unit or reference). Otherwise each finding is applied or refused with a reason (wrong
    state, outside my grids, not found) without stopping the others.
    """
    who = me()
    if event_type not in machine.TRANSITIONS or event_type == "opened":
        raise ActionRefused(t("review.refused.unknown_event", event=event_type))
    if not machine.role_may_send(who.role, event_type):
        raise NotPermitted(
            t("review.refused.inspector_bulk", event=t(f"review.event.{event_type}"))
        )
    payload = dict(data or {})
    if event_type == "handed_over":
        payload.setdefault("date", today().isoformat())
    problem = machine.check_event_data(event_type, payload)
    if problem is not None:
        raise ActionRefused(problem)
    scope = my_scope()
    allowed = None if scope is None else set(scope)
    results: list[BulkResult] = []
    with db.atomic():
        for finding_id in dict.fromkeys(finding_ids):
            finding = Finding.get_or_none(Finding.id == finding_id)
            if finding is None:
                results.append(BulkResult(finding_id, False, t("review.refused.not_found")))
                continue
            if allowed is not None:
                grid = Venue.select(Venue.grid).where(Venue.id == fk(finding, "venue")).scalar()
                if grid not in allowed:
                    results.append(BulkResult(finding_id, False, t("review.refused.outside_grid")))
                    continue
            try:
                event = findings.append_event(finding_id, event_type, note=note, data=payload)
            except machine.TransitionRefused as refusal:
                results.append(BulkResult(finding_id, False, str(refusal)))
                continue
            results.append(BulkResult(finding_id, True, event_id=event.id))
    return results


def acknowledge_conflicts(finding_id: str, note: str = "") -> FindingEvent | None:
    """A note that marks the finding's open conflicts as seen (they stay in its history)."""
    folded = findings.fold_of(finding_id)
    pending = [c.event_id for c in folded.unresolved_conflicts]
    if not pending:
        return None
    return findings.append_event(finding_id, "note", note=note, data={"resolves": pending})


# --- detail ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EventLine:
    id: str
    type: str
    label: str  # the event's name for a person
    actor_id: str
    actor_name: str
    role: str
    at: str
    device_id: str
    note: str
    data: dict[str, Any]
    detail: str  # the data said in words: new deadline, unit and reference, outcome
    photos: list[Path]
    conflict: machine.Conflict | None = None


@dataclass(frozen=True)
class ConflictLine:
    event_id: str
    message: str  # shown to the supervisor and, after sync, to the inspector
    actor_name: str  # who sent the event that could not apply
    other_name: str  # who changed the state first
    resolved: bool


@dataclass(frozen=True)
class PastInspection:
    id: str
    started_at: str
    submitted_at: str | None
    inspector_name: str
    presence: str
    failures: dict[str, int]
    review_state: str
    review_comment: str


@dataclass(frozen=True)
class FindingDetail:
    finding: Finding
    venue: Venue
    grid_name: str
    item_zh: str
    item_en: str
    state: machine.FindingState
    overdue: bool
    photos: list[Path]  # the finding's own photos (blob files)
    events: list[EventLine]  # in fold order
    conflicts: list[ConflictLine]
    past_inspections: list[PastInspection] = field(default_factory=list)


def item_text(finding: Finding, venue: Venue | None = None) -> tuple[str, str]:
    """(zh, en) text of the finding's check item, from the checklist its inspection used."""
    try:
        inspection = finding.inspection
        if inspection is not None:
            checklist = get_checklist(inspection.checklist_id, inspection.checklist_version)
        else:
            checklist = checklist_for_kind((venue or finding.venue).kind)
        item = checklist.item(finding.item_code)
    except (ChecklistNotFound, KeyError):
        return finding.item_code, finding.item_code
    return item.zh, item.en


def describe_event(event_type: str, data: Mapping[str, Any]) -> str:
    """The data of an event in words: '→ 2025-06-01', '消防大队 · 文号 …', an outcome."""
    if event_type in ("opened", "rejected", "deadline_extended") and data.get("deadline"):
        return f"→ {data['deadline']}"
    if event_type == "handed_over":
        unit = t(f"review.unit.{data.get('unit', '')}")
        return f"→ {unit} · {data.get('reference', '')} · {data.get('date', '')}"
    if event_type == "outcome_recorded":
        return t(f"review.outcome.{data.get('outcome', 'other')}")
    return ""


def person_names(ids: Iterable[str]) -> dict[str, str]:
    wanted = list({i for i in ids if i})
    if not wanted:
        return {}
    return {
        p.id: p.name for p in Person.select(Person.id, Person.name).where(Person.id.in_(wanted))
    }


def finding_detail(finding_id: str, *, past: int = 20) -> FindingDetail:
    """Everything the detail pane shows about one finding."""
    finding = Finding.get_by_id(finding_id)
    venue = Venue.get_by_id(fk(finding, "venue"))
    grid = Grid.get_or_none(Grid.code == fk(venue, "grid"))
    events = {e.id: e for e in findings.events_of(finding_id)}
    folded = findings.fold_of(finding_id)
    names = person_names(e.actor for e in events.values())
    by_event = {c.event_id: c for c in folded.conflicts}
    lines = []
    for event_id in folded.order:
        e = events[event_id]
        lines.append(
            EventLine(
                id=e.id,
                type=e.type,
                label=t(f"review.event.{e.type}"),
                actor_id=e.actor,
                actor_name=names.get(e.actor, e.actor),
                role=e.role,
                at=e.at,
                device_id=e.device_id,
                note=e.note,
                data=dict(e.data),
                detail=describe_event(e.type, e.data),
                photos=[blob_path(sha) for sha in e.photos],
                conflict=by_event.get(e.id),
            )
        )
    conflicts = []
    for c in folded.conflicts:
        sender = names.get(events[c.event_id].actor, "")
        other_event = events.get(c.after_event or "")
        other = names.get(other_event.actor, "") if other_event else ""
        message = t(
            "review.conflict",
            who=sender,
            event=t(f"review.event.{c.event_type}"),
            state=t(f"review.state.{c.state}"),
            other=other,
        )
        conflicts.append(
            ConflictLine(c.event_id, message, sender, other, c.event_id in folded.resolved)
        )
    zh, en = item_text(finding, venue)
    return FindingDetail(
        finding=finding,
        venue=venue,
        grid_name=grid.name if grid else fk(venue, "grid"),
        item_zh=zh,
        item_en=en,
        state=folded,
        overdue=folded.is_overdue(today()),
        photos=[blob_path(sha) for sha in finding.photos],
        events=lines,
        conflicts=conflicts,
        past_inspections=past_inspections(venue.id, limit=past),
    )


def past_inspections(venue_id: str, *, limit: int = 20) -> list[PastInspection]:
    """The venue's submitted inspections, newest first."""
    query = (
        Inspection.select(Inspection, Person)
        .join(Person)
        .where((Inspection.venue == venue_id) & (Inspection.status == "submitted"))
        .order_by(Inspection.submitted_at.desc())
        .limit(limit)
    )
    return [
        PastInspection(
            id=i.id,
            started_at=i.started_at,
            submitted_at=i.submitted_at,
            inspector_name=i.inspector.name,
            presence=i.presence,
            failures=dict((i.summary or {}).get("failures", {})),
            review_state=i.review_state,
            review_comment=i.review_comment,
        )
        for i in query
    ]
