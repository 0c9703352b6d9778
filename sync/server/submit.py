"""`finding.event` and `daily_report.submit`, authorised and written (called inside the op's
transaction); `inspection.submit` is in `inspections.py`, written in bulk.

Each applier returns an `Applied`: the feed entries to append, the server number of each
finding event it stored (the device keeps it as the event's `server_seq`, so it folds in
the server's order) and, for a finding event that arrived in a state where it is not a
valid transition, the conflict reason. A refusal is a ValueError whose message a person
can act on; nothing of the op is written then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.finding_dates import hand_over_too_early
from fieldapp.domain.lifecycle import HAZARD
from sync.protocol import DailyReportSubmit, EventPayload, FindingEventSubmit, refusals
from sync.server import db as server_db
from sync.server.feed import NewChange
from sync.server.findings import arrival_conflict, fold_events, role_refusal
from sync.server.models import DailyReport, Finding, FindingEvent, Venue
from sync.server.office_time import office_day, office_today
from sync.server.op_checks import check_event_text, check_extension_note, check_text
from sync.server.records import (
    daily_report_change,
    event_change,
    finding_change,
)
from sync.server.scope import (
    DeviceContext,
    may_write_grid,
    outside_grid_reason,
    payload_date,
    require_grid,
    require_own,
)


@dataclass
class Applied:
    changes: list[NewChange]
    conflict: str | None = None
    event_seqs: dict[str, int] = field(default_factory=dict)  # event id -> server order


def venue_in_scope(who: DeviceContext, venue_id: str) -> Venue:
    venue = Venue.get_or_none(Venue.id == venue_id)
    if venue is None:
        raise refusals.unknown_venue(venue_id)
    if not may_write_grid(who, venue.grid_code):
        raise ValueError(
            outside_grid_reason(who, venue.grid_code, f"venue {venue.code} {venue.name}")
        )
    return venue


def _new_event_row(
    who: DeviceContext,
    finding_id: str,
    event: EventPayload,
    order: int,
) -> dict[str, Any]:
    return {
        "id": event.id,
        "finding": finding_id,
        "type": event.type,
        "actor": event.actor,
        "role": who.role,
        "device_id": who.device_id,
        "base_event": event.base_event,
        "at": event.at,
        "note": event.note,
        "photos": event.photos,
        "data": event.data,
        "received_at": server_db.now_iso(),
        "server_order": order,
        "conflict": False,
        "conflict_reason": "",
    }


def _numbered_row(
    who: DeviceContext, finding_id: str, event: EventPayload, existing: list[Any]
) -> tuple[dict[str, Any], str | None]:
    """The event's row, numbered after `existing`, flagged if it lands as a conflict."""
    row = _new_event_row(who, finding_id, event, len(existing))
    conflict = arrival_conflict(existing, row)
    row["conflict"], row["conflict_reason"] = conflict is not None, conflict or ""
    return row, conflict


def _check_event(who: DeviceContext, event: EventPayload) -> None:
    require_own(who, event.actor, f"event {event.id}")
    check_event_text(f"event {event.id}", event.type, event.note, event.data)
    refusal = role_refusal(who.role, event.type)
    if refusal:
        raise refusal
    if FindingEvent.get_or_none(FindingEvent.id == event.id) is not None:
        text = f"finding event {event.id} already exists; event ids are never reused"
        raise refusals.already_submitted("event", event.id, text)


def _check_hand_over_date(event: EventPayload, existing: list[Any], severity: str) -> None:
    """A hand-over dated before the hazard was found, or before a general hazard's
    deadline passed, is refused as the device refuses it (`hand_over_too_early`)."""
    folded = fold_events(existing)
    # The day it was found where the office is (the fold says the host's zone here).
    refused = {conflict.event_id for conflict in folded.conflicts}
    opened = (e.at for e in existing if e.type == HAZARD.opening and e.id not in refused)
    found_on = office_day(next(opened, ""))
    early = hand_over_too_early(
        event.data, found_on, severity or folded.severity, folded.state, folded.deadline
    )
    if early is not None:
        handed, earliest = (day.isoformat() for day in early)
        text = (
            f"event {event.id} hands the hazard over on {handed}, before {earliest}, the "
            "earliest day it can have been (the day it was found, or for a general hazard "
            "the day after its deadline)"
        )
        raise refusals.refused(text, refusals.HAND_OVER_TOO_EARLY, date=handed, earliest=earliest)


def _refresh_state(finding: Finding) -> None:
    events = list(
        FindingEvent.select()
        .where(FindingEvent.finding == finding.id)
        .order_by(FindingEvent.server_order)
    )
    folded = fold_events(events)
    finding.state = folded.state
    finding.conflict = bool(folded.conflicts)
    finding.current_deadline = (folded.deadline.isoformat() if folded.deadline else None) or (
        finding.deadline
    )
    finding.save()


def apply_finding_event(who: DeviceContext, sub: FindingEventSubmit) -> Applied:
    finding = Finding.get_or_none(Finding.id == sub.finding_id)
    if finding is None:
        text = (
            f"finding {sub.finding_id} is not known to the server "
            "(the inspection that opened it may have been refused)"
        )
        raise refusals.unknown_record("finding", sub.finding_id, text)
    venue = venue_in_scope(who, finding.venue_id)
    event = sub.event
    _check_event(who, event)
    if event.type == "deadline_extended":
        check_extension_note(f"event {event.id}", finding.severity, event.note)
    # Lock the finding so two events on it are numbered one after the other.
    if server_db.is_postgres():
        Finding.select().where(Finding.id == finding.id).for_update().execute()
    existing = list(
        FindingEvent.select()
        .where(FindingEvent.finding == finding.id)
        .order_by(FindingEvent.server_order)
    )
    if event.type == "handed_over":
        _check_hand_over_date(event, existing, finding.severity)
    row, conflict = _numbered_row(who, finding.id, event, existing)
    FindingEvent.insert(row).execute()
    _refresh_state(finding)
    stored = FindingEvent.get_by_id(event.id)
    changes = [event_change(stored, venue.grid_code), finding_change(finding, venue.grid_code)]
    return Applied(changes, conflict, {event.id: row["server_order"]})


def apply_daily_report(who: DeviceContext, sub: DailyReportSubmit) -> Applied:
    require_own(who, sub.reporter, f"daily report {sub.id}")
    require_grid(who, sub.grid_code, f"daily report {sub.id}")
    if DailyReport.get_or_none(DailyReport.id == sub.id) is not None:
        text = f"daily report {sub.id} was already submitted"
        raise refusals.already_submitted("daily_report", sub.id, text)
    # Remarks may be left empty; typed, they say something, as the device's file_report asks.
    check_text(f"the remarks of daily report {sub.id}", "note", sub.remarks)
    day = payload_date(sub.date, "report_date", "the report date")
    # A day ahead of the office's date is another time zone's today, not the future.
    if dt.date.fromisoformat(day) > office_today() + dt.timedelta(days=1):
        text = f"daily report {sub.id}: {day} has not come yet; a report is for today or earlier"
        raise refusals.refused(text, refusals.REPORT_DATE_TO_COME, grid=sub.grid_code, date=day)
    report = DailyReport.create(
        **sub.model_dump(exclude={"grid_code", "date"}),
        grid=sub.grid_code,
        date=day,
        received_at=server_db.now_iso(),
    )
    return Applied([daily_report_change(report)])
