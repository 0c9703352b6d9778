"""The vocabulary of the one fold (`fieldapp.domain.findings`): a record kind's states,
events and transition table (`Lifecycle`), and the hazard's (`HAZARD`). Incidents add
their own table in `fieldapp.domain.incidents`. Pure data: no Peewee, Textual or httpx.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

# States
OPEN = "open"
REPORTED = "rectification_reported"
HANDED_OVER = "handed_over"
OUTCOME_RECORDED = "outcome_recorded"
CLOSED = "closed"
STATES = (OPEN, REPORTED, HANDED_OVER, OUTCOME_RECORDED, CLOSED)

# Event types
EVENT_TYPES = (
    "opened",
    "rectification_reported",
    "reopened",
    "verified",
    "rejected",
    "deadline_extended",
    "handed_over",
    "outcome_recorded",
    "closed",
    "note",
)

# The data flag of a `closed` event sent for a hazard its device held as never reported
# fixed (open): the device asked for a note saying why no re-check is needed, and the
# server holds the note to the same rule by this flag, not by its own state, which may
# not yet hold a fix report the device had.
CLOSED_UNREPORTED = "unreported"

SUPERVISORS = frozenset({"supervisor", "admin"})
EVERYONE = frozenset({"inspector", "supervisor", "admin"})

# event type -> (roles that may send it, states it may arrive in, state it leads to;
# None keeps the state)
TRANSITIONS: dict[str, tuple[frozenset[str], frozenset[str], str | None]] = {
    "opened": (EVERYONE, frozenset({""}), OPEN),
    "rectification_reported": (EVERYONE, frozenset({OPEN}), REPORTED),
    # A re-inspection in the field finds a hazard reported fixed not fixed after all (the
    # inspector's "fixed" taken back, or another look at the venue): open again. Appended,
    # never a deletion of the report, so a report already sent is answered the same way.
    "reopened": (EVERYONE, frozenset({REPORTED}), OPEN),
    "verified": (SUPERVISORS, frozenset({REPORTED}), CLOSED),
    "rejected": (SUPERVISORS, frozenset({REPORTED}), OPEN),
    "deadline_extended": (SUPERVISORS, frozenset({OPEN, REPORTED}), None),
    "handed_over": (SUPERVISORS, frozenset({OPEN, REPORTED}), HANDED_OVER),
    "outcome_recorded": (SUPERVISORS, frozenset({HANDED_OVER}), OUTCOME_RECORDED),
    "closed": (SUPERVISORS, frozenset({OUTCOME_RECORDED, REPORTED, OPEN}), CLOSED),
    "note": (EVERYONE, frozenset({"", *STATES}), None),
}

# A re-check (复查) is of someone else's fix: the person who reported a hazard fixed does
# not verify it too (fixed on the spot by a supervisor: closed, with a note saying so).
SELF_VERIFIED = "a fix is verified by someone other than the person who reported it"


def self_verified(event_type: str, actor: str, reported_by: str) -> str | None:
    """Why `actor` may not verify a fix `reported_by` reported, or None."""
    own = event_type == "verified" and bool(actor) and actor == reported_by
    return SELF_VERIFIED if own else None


def answered_again(event_type: str, state: str, role: str) -> bool:
    """A supervisor's rejection (复查不通过) that lands on a hazard already open again: the
    inspector recorded 未整改 at the same time. Both say the re-check failed, which returns
    the hazard to rectifying (整改中) either way, so it is no conflict, and its new deadline
    is the rectification's deadline, as a supervisor may set on an open hazard."""
    return event_type == "rejected" and state == OPEN and role in SUPERVISORS


def is_overdue(state: str, deadline: dt.date | None, day: dt.date) -> bool:
    """The one overdue rule (逾期): rectifying (open) past its deadline on `day`. A hazard
    reported fixed, handed over or closed is not overdue; a rejection opens it again, overdue
    once its new deadline is past. The review queue, the home list, the dashboard's trend
    and the ledger export all say overdue by this rule."""
    return state == OPEN and deadline is not None and deadline < day


# The receiving units of a hand-over (移交): 派出所, 消防大队, 执法检查股 (schools).
HAND_OVER_UNITS = ("police_station", "fire_brigade", "enforcement_section")
# What the receiving unit did (处理结果): fixed under its order, penalty, sealing, other.
OUTCOMES = ("fixed", "penalty", "sealed", "other")
SEVERITIES = ("general", "major")

Rule = tuple[frozenset[str], frozenset[str], str | None]


@dataclass(frozen=True)
class Lifecycle:
    """One record kind's rows for the one fold: who may send which event in which state.

    `catalog` is the i18n prefix of the kind's event, state and refusal texts
    (`{catalog}.event.<type>`, `{catalog}.state.<state>`, `{catalog}.refused.<why>`).
    """

    name: str
    opening: str  # the event that creates the record
    initial: str  # the state of a record whose events have not arrived yet
    transitions: Mapping[str, Rule]
    hand_over_units: tuple[str, ...]
    outcomes: tuple[str, ...]
    catalog: str

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(self.transitions)

    def step_towards(self, states: set[str], event_type: str, role: str) -> str | None:
        """The event `role` may send in each of `states` that leads to a state where
        `event_type` may arrive (the step to take first, as an outcome before closing an
        incident handed over), or None when there is none."""
        rule = self.transitions.get(event_type)
        if rule is None or not states:
            return None
        for step, (roles, sources, leads_to) in self.transitions.items():
            if role in roles and states <= sources and leads_to in rule[1]:
                return step
        return None


HAZARD = Lifecycle(
    name="finding",
    opening="opened",
    initial=OPEN,
    transitions=TRANSITIONS,
    hand_over_units=HAND_OVER_UNITS,
    outcomes=OUTCOMES,
    catalog="review",
)
