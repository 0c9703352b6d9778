"""Findings (隐患) after submit: events appended through the one state machine."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import finding_checks
from fieldapp.domain import findings as machine
from fieldapp.domain.clock import today
from fieldapp.domain.free_text import optional_text_problem
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import me
from fieldapp.services.common.lifecycle_events import create_event_row
from fieldapp.services.inspection.active_findings import (  # kept importable from here
    ACTIVE_STATES as ACTIVE_STATES,
)
from fieldapp.services.inspection.active_findings import is_overdue as is_overdue
from fieldapp.services.inspection.active_findings import open_findings as open_findings
from fieldapp.store.db import write_transaction
from fieldapp.store.models import Finding, FindingEvent
from fieldapp.store.payloads import event_payload, folded_event


def events_of(finding_id: str) -> list[FindingEvent]:
    return list(FindingEvent.select().where(FindingEvent.finding == finding_id))


def fold_of(finding_id: str) -> machine.FindingState:
    """The fold of the finding's events, in the server's order where the server gave one."""
    return machine.fold(folded_event(e) for e in events_of(finding_id))


def refresh(finding: Finding) -> machine.FindingState:
    """Recompute the cached state and deadline of a finding from its events."""
    folded = fold_of(finding.id)
    finding.state = folded.state
    finding.current_deadline = folded.deadline or finding.deadline
    finding.conflict = bool(folded.unresolved_conflicts)
    finding.save()
    return folded


def append_event(
    finding_id: str,
    event_type: str,
    *,
    note: str = "",
    photos: list[str] | None = None,
    data: dict[str, Any] | None = None,
) -> FindingEvent:
    """Append an event if this person may send it now; queue it for the server."""
    who = me()
    with write_transaction():
        finding = Finding.get_by_id(finding_id)
        folded = fold_of(finding_id)
        refusal = finding_checks.check_event(
            folded,
            event_type,
            who.role,
            data=data or {},
            severity=finding.severity,
            today=today(),
            actor=who.person_id,
        )
        if refusal is not None:
            raise machine.TransitionRefused(refusal)
        event = create_event_row(
            FindingEvent,
            {"finding": finding_id},
            event_type,
            who,
            folded,
            note=note,
            photos=photos,
            data=data,
        )
        refresh(finding)
        outbox.enqueue("finding.event", {"finding_id": finding_id, "event": event_payload(event)})
    return event


def report_rectification(
    finding_id: str, *, fixed: bool, note: str, photos: list[str]
) -> FindingEvent:
    """Re-inspection in the field: fixed → rectification_reported; not fixed → a note, or
    `reopened` when the hazard stands reported fixed (the inspector takes back a "fixed"
    given by mistake, or finds it not fixed after all): the field fact wins, and the
    hazard is open again.

    The report is answered by an appended event, never withdrawn by deleting it: events
    are append-only, outbox rows are never deleted (the per-device sequence is gap-free),
    and a background sync may be pushing the report at this very moment; appended, the
    correction reaches the server after the report whether that was sent yet or not.
    The note may be left empty; typed, it says something as every note does."""
    if (said := optional_text_problem("note", note)) is not None:
        raise machine.TransitionRefused(said)
    if fixed:
        return append_event(finding_id, "rectification_reported", note=note, photos=photos)
    with write_transaction():  # the state read and the event on it in one transaction
        if fold_of(finding_id).state == machine.REPORTED:
            return append_event(finding_id, "reopened", note=note, photos=photos)
        return append_event(finding_id, "note", note=note, photos=photos, data={"still_open": True})
