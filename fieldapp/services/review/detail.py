"""One hazard (隐患) in full for the review detail pane: its history in fold order, its
conflicts said in words, and the venue's past inspections."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.domain import findings as machine
from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.services.common.photos import blob_path
from fieldapp.services.inspection import findings
from fieldapp.services.inspection.descriptions import item_text, shown
from fieldapp.store.db import fk
from fieldapp.store.models import Finding, Grid, Inspection, Person, Venue

# A re-check's "not fixed" (the inspector's 未整改, a supervisor's 复查不通过). Landing on a
# hazard already closed (销号 ends its lifecycle, domain.md 3.1: nobody reopens it), its
# conflict line says how the hazard is followed up instead: a visit, and a new hazard.
NOT_FIXED = ("reopened", "rejected")


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
    description: str = ""  # as its reader reads it: a generated one in their language


def describe_event(event_type: str, data: Mapping[str, Any]) -> str:
    """The data of an event in words: '整改期限 2025-06-01' (an arrow alone did not say
    what the date was), '→ 消防大队 · 文号 …', an outcome."""
    if event_type in ("opened", "rejected", "deadline_extended") and data.get("deadline"):
        return t("review.event.deadline", deadline=data["deadline"])
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
        if c.state == machine.CLOSED and c.event_type in NOT_FIXED:
            message = t("review.conflict.after_closed", conflict=message)
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
        description=shown(finding, venue),
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
