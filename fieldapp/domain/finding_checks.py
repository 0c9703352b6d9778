"""Why an event a person would send is refused, as a sentence they read: none of the
items chosen may take it (`refused_for_all`, said before any form is filled), its data is
incomplete (`check_event_data`), or it is not valid now (`check_event`: the transition
table, the event's data and dates, and when a hazard can be handed over). The device asks
before appending and the server before applying; the fold (`findings.fold`) only uses
`check_transition`, so it never depends on today's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from fieldapp.domain.finding_dates import (
    check_event_dates,
    hand_over_too_early,
    hand_over_too_early_said,
    not_due_for_hand_over,
    valid_date,
)
from fieldapp.domain.findings import FindingState, check_transition, role_may_send
from fieldapp.domain.free_text import text_problem
from fieldapp.domain.lifecycle import HAZARD, Lifecycle, self_verified


def refused_for_all(
    states: Iterable[str], event_type: str, role: str, lifecycle: Lifecycle = HAZARD,
    keys: Mapping[str, str] | None = None,
) -> str | None:  # fmt: skip
    """Why none of the items chosen, in `states`, may take `event_type` — a sentence said
    before any form is filled — or None when one of them may. With `keys` (event type ->
    the key that sends it) it names the step to take first, when there is one."""
    from fieldapp.i18n import listed, t

    chosen = set(states)
    if not chosen or any(check_transition(s, event_type, role, lifecycle) is None for s in chosen):
        return None
    texts, event = lifecycle.catalog, t(f"{lifecycle.catalog}.event.{event_type}")
    if not role_may_send(role, event_type, lifecycle):
        return t(f"{texts}.refused.role", event=event)
    names = listed(sorted(t(f"{texts}.state.{s}") for s in chosen))
    step = lifecycle.step_towards(chosen, event_type, role)
    if keys and step is not None and step in keys:
        first = {"first": t(f"{texts}.event.{step}"), "press": keys[step]}
        return t(f"{texts}.refused.state_first", state=names, event=event, **first)
    return t(f"{texts}.refused.state", state=names, event=event)


def hand_over_missing(
    data: Mapping[str, Any], lifecycle: Lifecycle = HAZARD
) -> list[tuple[str, str]]:
    """What a hand-over's data lacks, each as its field ("unit", "reference") and the
    sentence that says so, in the form's order; a form says each at its own field."""
    from fieldapp.i18n import t

    refused = f"{lifecycle.catalog}.refused"
    missing = []
    if data.get("unit") not in lifecycle.hand_over_units:
        missing.append(("unit", t(f"{refused}.unit_missing")))
    if not str(data.get("reference", "")).strip():
        missing.append(("reference", t(f"{refused}.reference_missing")))
    return missing


def check_event_data(
    event_type: str, data: Mapping[str, Any], lifecycle: Lifecycle = HAZARD
) -> str | None:
    """Why the data of an event is incomplete or wrong, or None when it is fine."""
    from fieldapp.i18n import sentences, t

    refused = f"{lifecycle.catalog}.refused"
    if event_type in ("rejected", "deadline_extended"):
        if valid_date(data.get("deadline")) is None:
            return t(f"{refused}.deadline_missing")
    elif event_type == "assigned":
        if not str(data.get("person", "")).strip():
            return t(f"{refused}.assignee_missing")
    elif event_type == "handed_over":
        # Both said at once when both are missing: the 文号 was asked for only after a unit.
        if missing := hand_over_missing(data, lifecycle):
            return sentences([said for _, said in missing])
        if (said := text_problem("hand_over_reference", str(data["reference"]))) is not None:
            return said
        if valid_date(data.get("date")) is None:
            return t(f"{refused}.date_missing")
    elif event_type == "outcome_recorded" and data.get("outcome") not in lifecycle.outcomes:
        return t(f"{refused}.outcome_missing")
    return None


def check_event(
    folded: FindingState,
    event_type: str,
    role: str,
    *,
    data: Mapping[str, Any] | None = None,
    severity: str = "",
    today: dt.date | None = None,
    lifecycle: Lifecycle = HAZARD,
    actor: str = "",
) -> str | None:
    """Why `role` may not send this event now — as a sentence a person reads — or None.

    The device checks this before appending and the server before applying; the fold
    itself only uses `check_transition`, so it never depends on today's date.
    Beyond the transition table: the event's data must be complete; a new deadline must
    not lie in the past and an extension must move the deadline later; a general hazard
    is handed over only once its deadline has passed, a major one at once.
    """
    from fieldapp.i18n import t

    data = data or {}
    texts = lifecycle.catalog
    rule = lifecycle.transitions.get(event_type)
    if rule is None:
        return t(f"{texts}.refused.unknown_event", event=event_type)
    if role not in rule[0]:
        return t(f"{texts}.refused.role", event=t(f"{texts}.event.{event_type}"))
    opening = event_type == lifecycle.opening and not folded.order
    if folded.state not in rule[1] and not opening:
        return t(
            f"{texts}.refused.state",
            event=t(f"{texts}.event.{event_type}"),
            state=t(f"{texts}.state.{folded.state}"),
        )
    if self_verified(event_type, actor, folded.reported_by):  # the fold's rule, worded
        return t(f"{texts}.refused.self_verified")
    problem = check_event_data(event_type, data, lifecycle)
    if problem is not None:
        return problem
    if today and (problem := check_event_dates(event_type, data, today)) is not None:
        return problem
    new_deadline = valid_date(data.get("deadline"))
    later = folded.deadline if today else None  # checked as of a day only, as the rest
    if event_type == "deadline_extended" and new_deadline and later and new_deadline <= later:
        return t("review.refused.not_later", deadline=later.isoformat())
    if event_type != "handed_over":
        return None
    found, severity = folded.found_on, severity or folded.severity
    if today is not None and (
        not_due := not_due_for_hand_over(severity, folded.state, folded.deadline, today)
    ):
        return not_due  # not due today: said before the date's earliest
    if lifecycle is not HAZARD:  # the earliest date is worded for a hazard
        return None
    early = hand_over_too_early(data, found, severity, folded.state, folded.deadline)
    return None if early is None else hand_over_too_early_said(early, found, folded.deadline)
