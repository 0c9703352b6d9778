"""Items answered pass today that still have a hazard open from an earlier inspection.

A pass does not close a hazard: per the hazard lifecycle only the supervisor's re-check
(复查) closes it. The summary lists these so the inspector knows they stay open and how to
move them on (reporting them fixed is the inspector's explicit act, never automatic)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.domain.lifecycle import HAZARD
from fieldapp.services.inspection.descriptions import shown
from fieldapp.services.inspection.findings import ACTIVE_STATES
from fieldapp.store.models import Finding

if TYPE_CHECKING:
    from fieldapp.services.inspection.inspection_view import InspectionView

PASSING = ("pass", "value")  # a value out of bounds opened a hazard of this inspection


@dataclass(frozen=True, slots=True)
class PassedOpen:
    finding_id: str
    item_code: str
    state: str
    deadline: dt.date
    description: str

    @property
    def may_report_fixed(self) -> bool:
        _roles, arrives_in, _leads_to = HAZARD.transitions["rectification_reported"]
        return self.state in arrives_in


def passed_with_open_hazards(view: InspectionView) -> list[PassedOpen]:
    """The venue's hazards still open (from any other inspection) on items this inspection
    answered without failing, by item then deadline."""
    visible = set(view.state.visible)
    passed = [
        code
        for code, answer in view.answers.items()
        if code in visible and answer.outcome in PASSING and code not in view.findings
    ]
    if not passed:
        return []
    found = Finding.select().where(
        (Finding.venue == view.venue.id)
        & Finding.item_code.in_(passed)
        & Finding.state.in_(ACTIVE_STATES)
        & (Finding.inspection != view.inspection.id)
    )
    hazards = [
        PassedOpen(
            str(f.id),
            f.item_code,
            f.state,
            f.current_deadline or f.deadline,
            shown(f),  # its own inspection's item, which may be an older checklist's
        )
        for f in found
    ]
    return sorted(hazards, key=lambda h: (h.item_code, h.deadline, h.finding_id))
