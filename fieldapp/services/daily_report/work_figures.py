"""The day's work that is neither an inspection nor a hazard: scheduled activities held,
and each campaign's own figures (patrols, incidents handled, enforcement cases) for the
campaigns on in the grid, counted from the store for a grid and the grids under it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from peewee import DoesNotExist, fn

from fieldapp.domain.incidents import ENFORCEMENT_OUTCOMES
from fieldapp.services.common import campaigns
from fieldapp.services.common.periods import period_bounds_utc
from fieldapp.services.daily_report.patrol_figures import patrol_figures
from fieldapp.store.activity_models import Activity
from fieldapp.store.db import rows
from fieldapp.store.incident_models import Incident, IncidentEvent

# What each target a campaign may set (domain.campaigns.TARGET_NAMES) is counted by.
TARGET_FIGURES = {
    "patrols_per_day": "patrols_done",  # patrol runs done (on time or late) per day
    "incidents_handled": "incidents_handled",  # incidents brought to an outcome
    "enforcement_cases_per_community": "enforcement_cases",  # fined, goods seized, case filed
}


def activity_figures(scope: Sequence[str], first: dt.date, last: dt.date) -> dict[str, Any]:
    """Activities held first..last in the grids `scope`, in all and by type."""
    by_type = dict(
        rows(
            Activity.select(Activity.type_code, fn.COUNT(Activity.id))
            .where(Activity.grid.in_(list(scope)) & Activity.held_on.between(first, last))
            .group_by(Activity.type_code)
        )
    )
    return {
        "activities": sum(by_type.values()),
        "activities_by_type": dict(sorted(by_type.items())),
    }


def incident_outcomes(scope: Sequence[str], first: dt.date, last: dt.date) -> dict[str, int]:
    """Incidents of the grids brought to an outcome first..last, and of those the
    enforcement cases (fined, goods seized, case filed), each incident once."""
    start, end = period_bounds_utc(first, last)
    query = (
        IncidentEvent.select(IncidentEvent.incident, IncidentEvent.data)
        .join(Incident)
        .where(
            Incident.grid.in_(list(scope))
            & (IncidentEvent.type == "outcome_recorded")
            & (IncidentEvent.at >= start)
            & (IncidentEvent.at < end)
        )
    )
    handled: set[str] = set()
    enforcement: set[str] = set()
    for incident_id, data in rows(query):
        handled.add(incident_id)
        if isinstance(data, dict) and data.get("outcome") in ENFORCEMENT_OUTCOMES:
            enforcement.add(incident_id)
    return {"incidents_handled": len(handled), "enforcement_cases": len(enforcement)}


def campaign_figures(
    grid_code: str, scope: Sequence[str], first: dt.date, last: dt.date
) -> dict[str, dict[str, Any]]:
    """For each campaign on in the grid during first..last that sets targets: its figures
    over the days it was on, and its targets. {} when none applies."""
    found: dict[str, dict[str, Any]] = {}
    path = campaigns.grid_path(grid_code)
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    for run in campaigns.runs():
        on = [d for d in days if run.applies(d, path)]
        if not on:
            continue
        try:
            campaign = campaigns.get_campaign(run.code, run.version)
        except DoesNotExist:  # the run arrived before its definition
            continue
        targets = {k: v for k, v in campaign.targets.items() if k in TARGET_FIGURES}
        if not targets:
            continue
        figures = {**incident_outcomes(scope, on[0], on[-1]), "days": len(on)}
        figures["patrols_done"] = patrol_figures(scope, on[0], on[-1])["patrols_done"]
        found[campaign.code] = {"figures": figures, "targets": targets}
    return found
