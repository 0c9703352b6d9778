"""Lifecycles of event-sourced records: one fold for the field program and the server.

A record's state is never written by anyone: it is the fold of its append-only events,
driven by its kind's transition table (a `Lifecycle`, `fieldapp.domain.lifecycle`). The
hazard (隐患) is the first kind (`HAZARD`); incidents (事件, `fieldapp.domain.incidents`) add
their own rows, not a second state machine.
Events from several devices are folded in one deterministic order (`causal_order`): an
event always after the event it was based on (`base_event`); otherwise by the server's
sequence (invariant 3: the server orders), and events the server has not yet numbered
last, by (device time, id). The server folds with this same function, so every replica
that holds the same events with the same server sequences reaches the same state. An event
that is not a valid transition from the state it lands in is kept and reported as a
conflict; it never changes the state.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.finding_dates import (
    local_day,
    valid_date,
)
from fieldapp.domain.finding_dates import not_due_for_hand_over as not_due_for_hand_over
from fieldapp.domain.lifecycle import (  # the vocabulary, kept importable from here
    CLOSED as CLOSED,
)
from fieldapp.domain.lifecycle import (
    EVENT_TYPES as EVENT_TYPES,
)
from fieldapp.domain.lifecycle import (
    EVERYONE as EVERYONE,
)
from fieldapp.domain.lifecycle import (
    HAND_OVER_UNITS as HAND_OVER_UNITS,
)
from fieldapp.domain.lifecycle import (
    HANDED_OVER as HANDED_OVER,
)
from fieldapp.domain.lifecycle import (
    HAZARD as HAZARD,
)
from fieldapp.domain.lifecycle import (
    OPEN as OPEN,
)
from fieldapp.domain.lifecycle import (
    OUTCOME_RECORDED as OUTCOME_RECORDED,
)
from fieldapp.domain.lifecycle import (
    OUTCOMES as OUTCOMES,
)
from fieldapp.domain.lifecycle import (
    REPORTED as REPORTED,
)
from fieldapp.domain.lifecycle import (
    SEVERITIES as SEVERITIES,
)
from fieldapp.domain.lifecycle import (
    STATES as STATES,
)
from fieldapp.domain.lifecycle import (
    SUPERVISORS as SUPERVISORS,
)
from fieldapp.domain.lifecycle import (
    TRANSITIONS as TRANSITIONS,
)
from fieldapp.domain.lifecycle import (
    Lifecycle as Lifecycle,
)
from fieldapp.domain.lifecycle import (
    Rule as Rule,
)
from fieldapp.domain.lifecycle import answered_again, is_overdue, self_verified


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    actor: str
    role: str
    at: str
    base_event: str | None = None
    device_id: str = ""
    note: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)
    # The event's place in its finding's server order; None until the server has it.
    server_seq: int | None = None

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> Event:
        return cls(
            id=str(raw["id"]),
            type=str(raw["type"]),
            actor=str(raw.get("actor", "")),
            role=str(raw.get("role", "")),
            at=str(raw.get("at", "")),
            base_event=raw.get("base_event") or None,
            device_id=str(raw.get("device_id", "")),
            note=str(raw.get("note", "")),
            data=dict(raw.get("data") or {}),
            server_seq=_seq(raw.get("server_seq")),
        )

    def order_key(self) -> tuple[int, int, str, str]:
        """Among events whose bases are folded: server order first, unnumbered ones last."""
        if self.server_seq is not None:
            return (0, self.server_seq, "", self.id)
        return (1, 0, self.at, self.id)


def _seq(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)


@dataclass(frozen=True)
class Conflict:
    event_id: str
    event_type: str
    state: str  # the state the event arrived in
    reason: str
    # The last event that took effect before this one: whoever sent it is the other person
    # the conflict is shown to.
    after_event: str | None = None


@dataclass(frozen=True)
class FindingState:
    """The fold of one record's events (a finding, an incident: the fields a kind uses)."""

    state: str
    deadline: dt.date | None
    last_event_id: str | None  # the newest event in fold order: the base of the next one
    handed_over_to: str = ""
    reference: str = ""
    outcome: str = ""
    conflicts: tuple[Conflict, ...] = ()
    order: tuple[str, ...] = ()  # event ids in fold order
    severity: str = ""  # from the opened event: general | major
    handed_over_on: dt.date | None = None
    # Conflicts that a later note acknowledged (data {"resolves": [event ids]}): still kept
    # in `conflicts`, no longer waiting in the supervisor's conflict queue.
    resolved: frozenset[str] = frozenset()
    assigned_to: str = ""  # person id of the latest assignment (incidents)
    reported_by: str = ""  # person id of the fix reported last (`self_verified`)
    found_on: dt.date | None = None  # the local date of the opening event
    # The supervisor's latest review that took effect (rejected, deadline_extended,
    # handed_over) and its note: why the hazard stands as it does, for the inspector.
    review: str = ""
    review_note: str = ""

    def is_overdue(self, today: dt.date) -> bool:
        return is_overdue(self.state, self.deadline, today)

    @property
    def is_major(self) -> bool:
        return self.severity == "major"

    @property
    def unresolved_conflicts(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.event_id not in self.resolved)


# The supervisor's answers to a hazard that leave it with the inspector or another unit.
REVIEWS = frozenset({"rejected", "deadline_extended", "handed_over"})


class TransitionRefused(ValueError):
    """An event that a person may not send, or that is not valid now."""


def role_may_send(role: str, event_type: str, lifecycle: Lifecycle = HAZARD) -> bool:
    allowed = lifecycle.transitions.get(event_type)
    return allowed is not None and role in allowed[0]


def check_transition(
    state: str, event_type: str, role: str, lifecycle: Lifecycle = HAZARD
) -> str | None:
    """Why `role` may not send `event_type` in `state`, or None when it may."""
    rule = lifecycle.transitions.get(event_type)
    if rule is None:
        return f"unknown event type {event_type!r}"
    roles, sources, _ = rule
    if role not in roles:
        return f"a {role or 'person without a role'} may not send {event_type}"
    if state not in sources:
        return f"{event_type} is not valid when the {lifecycle.name} is {state or 'not yet opened'}"
    return None


def causal_order(events: Iterable[Event]) -> list[Event]:
    """The one fold order: each event after its base event; ties by `Event.order_key`.

    On the server every base arrived before its child, so this is the server's own arrival
    order; on a device the events the server has numbered fold in that order and its own
    unacknowledged events come last, so after a sync both fold alike.
    """
    by_id: dict[str, Event] = {}
    for event in events:  # a copy with the server's number wins over one without
        known = by_id.get(event.id)
        if known is None or (known.server_seq is None and event.server_seq is not None):
            by_id[event.id] = event
    waiting: dict[str, list[Event]] = {}
    ready: list[tuple[tuple[int, int, str, str], str]] = []
    for event in by_id.values():
        base = event.base_event
        if base and base in by_id and base != event.id:
            waiting.setdefault(base, []).append(event)
        else:
            heapq.heappush(ready, (event.order_key(), event.id))
    ordered: list[Event] = []
    while ready:
        _, event_id = heapq.heappop(ready)
        ordered.append(by_id[event_id])
        for child in waiting.pop(event_id, []):
            heapq.heappush(ready, (child.order_key(), child.id))
    # Cycles cannot come from honest devices; fold what remains in order so nothing is lost.
    rest = sorted((e for group in waiting.values() for e in group), key=Event.order_key)
    return ordered + rest


def fold(
    events: Iterable[Event | Mapping[str, Any]], lifecycle: Lifecycle = HAZARD
) -> FindingState:
    """The state of a record from all of its events, whatever order they arrived in, by
    its kind's transition table (hazards by default).

    Mappings may carry `server_seq` (the server's order of the record's events)."""
    evs = [e if isinstance(e, Event) else Event.from_mapping(e) for e in events]
    state, deadline, last = "", None, None
    handed_to = reference = outcome = severity = assigned_to = reported_by = ""
    review = review_note = ""
    handed_on: dt.date | None = None
    found_on: dt.date | None = None
    effective: str | None = None  # the last event that took effect
    conflicts: list[Conflict] = []
    resolved: set[str] = set()
    order: list[str] = []
    for event in causal_order(evs):
        order.append(event.id)
        last = event.id
        reason = check_transition(state, event.type, event.role, lifecycle)
        reason = reason or self_verified(event.type, event.actor, reported_by)
        if lifecycle is HAZARD and answered_again(event.type, state, event.role):
            reason = None  # the rejection agrees with a 未整改 that landed first
        if reason is not None:
            conflicts.append(Conflict(event.id, event.type, state, reason, effective))
            continue
        effective = event.id
        target = lifecycle.transitions[event.type][2]
        data = event.data
        if event.type in (lifecycle.opening, "rejected", "deadline_extended"):
            deadline = valid_date(data.get("deadline")) or deadline
        if event.type == lifecycle.opening:
            found_on = local_day(event.at)
        if event.type == lifecycle.opening and data.get("severity") in SEVERITIES:
            severity = str(data["severity"])
        if event.type == "assigned":
            assigned_to = str(data.get("person", ""))
        if event.type == "handed_over":
            handed_to = str(data.get("unit", ""))
            reference = str(data.get("reference", ""))
            handed_on = valid_date(data.get("date")) or valid_date(event.at)
        if event.type == "outcome_recorded":
            outcome = str(data.get("outcome", ""))
        reported_by = event.actor if event.type == "rectification_reported" else reported_by
        if event.type in REVIEWS:
            review, review_note = event.type, event.note
        if event.type == "note" and isinstance(data.get("resolves"), list | tuple):
            resolved.update(str(r) for r in data["resolves"])
        if target is not None:
            state = target
    return FindingState(
        state=state or lifecycle.initial,
        deadline=deadline,
        last_event_id=last,
        handed_over_to=handed_to,
        reference=reference,
        outcome=outcome,
        conflicts=tuple(conflicts),
        order=tuple(order),
        severity=severity,
        handed_over_on=handed_on,
        resolved=frozenset(resolved & {c.event_id for c in conflicts}),
        assigned_to=assigned_to,
        reported_by=reported_by,
        found_on=found_on,
        review=review,
        review_note=review_note,
    )


def fold_opening(
    event_id: str,
    role: str,
    data: Mapping[str, Any],
    lifecycle: Lifecycle = HAZARD,
    *,
    at: str = "",
) -> FindingState | None:
    """`fold` of a record whose one event is its opening, without the fold's machinery
    (most hazards reach the server so: found and sent in one inspection); None when that
    event is not a clean opening, for `fold` to say why."""
    if check_transition("", lifecycle.opening, role, lifecycle) is not None:
        return None
    severity = data.get("severity")
    return FindingState(
        state=lifecycle.transitions[lifecycle.opening][2] or lifecycle.initial,
        deadline=valid_date(data.get("deadline")),
        last_event_id=event_id,
        order=(event_id,),
        severity=str(severity) if severity in SEVERITIES else "",
        found_on=local_day(at),
    )
