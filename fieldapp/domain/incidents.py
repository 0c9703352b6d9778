"""The incident (事件) lifecycle: rows of the one fold's transition table, not a new machine.

An incident is something seen in the field that belongs to no checklist — fireworks sold
or set off, a complaint, a school emergency, a fire — reported on the spot, handed over
to the unit that acts and followed to an outcome:
reported → assigned → handed over (派出所 / 消防大队 / 城管 / 执法检查股, with 文号) →
outcome (warned, fined, goods seized, case filed, unfounded) → closed.
Its state is `findings.fold(events, INCIDENT)`: the same fold, order, conflicts and
checks as a hazard's, on both the device and the server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fieldapp.domain import clock
from fieldapp.domain.finding_dates import hand_over_too_early, local_day
from fieldapp.domain.findings import EVERYONE, SUPERVISORS, Lifecycle, Rule

REPORTED = "reported"
ASSIGNED = "assigned"
HANDED_OVER = "handed_over"
OUTCOME_RECORDED = "outcome_recorded"
CLOSED = "closed"
# Photos taken after the report (a second one, ten minutes later): an event of their own,
# carrying them, that changes no state; anyone may add them while the incident exists.
EVIDENCE_ADDED = "evidence_added"
STATES = (REPORTED, ASSIGNED, HANDED_OVER, OUTCOME_RECORDED, CLOSED)
ACTIVE_STATES = (REPORTED, ASSIGNED, HANDED_OVER, OUTCOME_RECORDED)

# event type -> (roles that may send it, states it may arrive in, state it leads to)
TRANSITIONS: dict[str, Rule] = {
    "reported": (EVERYONE, frozenset({""}), REPORTED),
    "assigned": (SUPERVISORS, frozenset({REPORTED, ASSIGNED}), ASSIGNED),
    "handed_over": (SUPERVISORS, frozenset({REPORTED, ASSIGNED}), HANDED_OVER),
    "outcome_recorded": (
        SUPERVISORS,
        frozenset({REPORTED, ASSIGNED, HANDED_OVER}),
        OUTCOME_RECORDED,
    ),
    "closed": (SUPERVISORS, frozenset({OUTCOME_RECORDED}), CLOSED),
    "note": (EVERYONE, frozenset({"", *STATES}), None),
    EVIDENCE_ADDED: (EVERYONE, frozenset(STATES), None),
}

# 派出所, 消防大队, 城管, 执法检查股
HAND_OVER_UNITS = ("police_station", "fire_brigade", "urban_management", "enforcement_section")
OUTCOMES = ("warned", "fined", "goods_seized", "case_filed", "unfounded")
# Outcomes that count as an enforcement case (执法案件) towards a campaign's target.
ENFORCEMENT_OUTCOMES = frozenset({"fined", "goods_seized", "case_filed"})


def evidence_missing(event_type: str, photos: Sequence[str]) -> bool:
    """An `evidence_added` event that carries no photo adds nothing: refused on the device
    before it is stored and by the server if one arrives."""
    return event_type == EVIDENCE_ADDED and not photos


def handed_over_before_it_happened(
    data: Mapping[str, Any], occurred_at: str
) -> tuple[dt.date, dt.date] | None:
    """(the hand-over date, the day the incident happened) when a hand-over is dated
    before the incident (its `occurred_at`, a UTC stamp, as a local day): refused on the
    device before it is stored and by the server if one arrives, as a hazard's is."""
    return hand_over_too_early(data, local_day(occurred_at), "", "", None)


def handed_over_before_one_happened(
    data: Mapping[str, Any], happened: Iterable[dt.date | None]
) -> tuple[dt.date, dt.date] | None:
    """`handed_over_before_it_happened` for incidents handed over together, by the local
    days they happened: (the hand-over date, the latest of those days) when the date is
    before it — what the hand-over dialog says before it closes."""
    early = (hand_over_too_early(data, day, "", "", None) for day in happened)
    return max((e for e in early if e is not None), key=lambda e: e[1], default=None)


# An incident is reported from the spot, that day or soon after: one that happened more
# than a year before it was reported (1999-01-01, a year mistyped) belongs with the
# office, not a field report. The device refuses it as the report is made and the server
# if one arrives (from an older device that did not check).
REPORTED_WITHIN_DAYS = 365


def utc_moment(stamp: str) -> dt.datetime | None:
    """A UTC stamp as an aware time (a naive one taken as UTC), or None for no time."""
    try:
        return clock.utc_moment(stamp)
    except ValueError:
        return None


def reported_too_late(occurred_at: str, reported_at: str) -> bool:
    """An incident that happened (`occurred_at`, a UTC stamp) more than
    REPORTED_WITHIN_DAYS before it was reported (`reported_at`); False when either is no
    time (the payload's own checks say so)."""
    occurred, reported = utc_moment(occurred_at), utc_moment(reported_at)
    if occurred is None or reported is None:
        return False
    return (reported - occurred).days > REPORTED_WITHIN_DAYS


def before_it_happened_said(early: tuple[dt.date, dt.date]) -> str:
    """(hand-over date, the day the incident happened) as a person reads the refusal."""
    from fieldapp.i18n import t

    handed, happened = (day.isoformat() for day in early)
    return t("incident.refused.date_before_occurred", date=handed, earliest=happened)


INCIDENT = Lifecycle(
    name="incident",
    opening="reported",
    initial=REPORTED,
    transitions=TRANSITIONS,
    hand_over_units=HAND_OVER_UNITS,
    outcomes=OUTCOMES,
    catalog="incident",
)
EVENT_TYPES: tuple[str, ...] = INCIDENT.event_types

# The categories an office starts with; the list is configurable (setting
# `incident_categories`), these are the codes the catalogue names.
DEFAULT_CATEGORIES = (
    "fireworks_sale",
    "fireworks_discharge",
    "fireworks_storage",
    "referral_110",
    "complaint",
    "school_emergency",
    "epidemic_lead",
    "fire",
    "other",
)
MEDIA_KINDS = ("photo", "video", "audio")
# Evidence files travel as they are (never re-encoded); larger ones are refused with a
# message at the device, before anything is stored.
MEDIA_LIMIT_BYTES = 200 * 1024 * 1024
