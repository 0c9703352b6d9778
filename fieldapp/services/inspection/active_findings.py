"""The findings (隐患) still to be dealt with in my grids, as the home screen lists them.
Kept apart from `services.inspection.findings` (events through the state machine) so that
the home read at start-up does not import the machine."""

from __future__ import annotations

import datetime as dt

from peewee import Expression

from fieldapp.domain import lifecycle
from fieldapp.domain.clock import today
from fieldapp.domain.lifecycle import HANDED_OVER, OPEN, OUTCOME_RECORDED, REPORTED
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.store.models import Finding, Venue
from fieldapp.store.refused_conditions import on_record

ACTIVE_STATES = (OPEN, REPORTED, HANDED_OVER, OUTCOME_RECORDED)


def open_findings(limit: int = 50, offset: int = 0) -> list[Finding]:
    """Active findings in my grids, overdue first, then by deadline."""
    grids = grid_codes_under([code for code, _ in me().grids])
    day = today()
    return list(
        Finding.select(Finding, Venue)
        .join(Venue)
        .where(
            Finding.state.in_(ACTIVE_STATES)
            & Venue.grid.in_(grids)
            & on_record(Finding.inspection)  # not a refused inspection's
        )
        .order_by(overdue_condition(day).desc(), Finding.current_deadline, Finding.id)
        .limit(limit)
        .offset(offset)
    )


def overdue_condition(day: dt.date) -> Expression:
    """`lifecycle.is_overdue` as a condition on the cached state and deadline columns."""
    return (Finding.state == OPEN) & (Finding.current_deadline < day)


def is_overdue(finding: Finding, day: dt.date | None = None) -> bool:
    deadline = finding.current_deadline or finding.deadline
    return lifecycle.is_overdue(finding.state, deadline, day or today())
