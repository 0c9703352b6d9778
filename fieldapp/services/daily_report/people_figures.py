"""The people figures of a grid's daily report (篇一, 篇六: the 18:00 ledger of returnees,
the floating population and those under observation).

Only a grid that holds households reports them (a grid without a registry reports no
people figures, rather than zeros it never counted): new arrivals (by arrival date),
returnees registered that day (by registration date, or arrival when it is unknown),
people under observation (controlled persons, 篇一: tagged 管控对象 and not moved out
before the day, or under a temperature-check plan running that day — not a monthly visit
to an elderly person living alone), abnormal readings taken,
cases handed over to the health centre. Read from the store: no other capability.
"""

from __future__ import annotations

import datetime as dt

from peewee import fn

from fieldapp.domain.followups import TEMPERATURE_CHECKS
from fieldapp.services.common.periods import day_bounds_utc
from fieldapp.store.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)
from fieldapp.store.people_models import Household, HouseholdMember

PEOPLE_FIGURES = (
    "new_arrivals",
    "returnees_registered",
    "under_observation",
    "abnormal_readings",
    "handed_over",
)


def people_figures(scope: list[str], day: dt.date) -> dict[str, int]:
    """The figures for the grids `scope` on a local date; {} when they hold no household."""
    if not Household.select().where(Household.grid.in_(scope)).exists():
        return {}
    start, end = day_bounds_utc(day)
    members = HouseholdMember.select(HouseholdMember.tags).join(Household)
    in_scope = Household.grid.in_(scope)
    arrivals = members.where(in_scope & (HouseholdMember.arrived_on == day)).count()
    # The 登记台账 is of who was registered that day (a family back yesterday and registered
    # today counts today); a person registered before the date was kept, by the arrival.
    registered = members.where(
        in_scope
        & (
            (HouseholdMember.registered_on == day)
            | (HouseholdMember.registered_on.is_null() & (HouseholdMember.arrived_on == day))
        )
    )
    plans = FollowupPlan.select(FollowupPlan.member, FollowupPlan.start_on, FollowupPlan.days)
    checked = plans.where(
        FollowupPlan.grid_code.in_(scope)
        & (FollowupPlan.start_on <= day)
        & FollowupPlan.cadence.in_(TEMPERATURE_CHECKS)
    )
    observed = {p.member_id for p in checked if day < p.start_on + dt.timedelta(days=p.days)}
    people = HouseholdMember.select(HouseholdMember.id, HouseholdMember.tags).join(Household)
    still_here = HouseholdMember.left_on.is_null() | (HouseholdMember.left_on >= day)
    observed |= {
        m.id for m in people.where(in_scope & still_here) if "controlled" in (m.tags or ())
    }
    abnormal = (
        FollowupReading.select()
        .join(FollowupPlan)
        .where(
            FollowupPlan.grid_code.in_(scope)
            & (fn.json_array_length(FollowupReading.failed) > 0)
            & (FollowupReading.taken_at >= start)
            & (FollowupReading.taken_at < end)
        )
        .count()
    )
    handed = (
        FollowupCaseEvent.select()
        .join(FollowupCase)
        .join(FollowupPlan)
        .where(
            FollowupPlan.grid_code.in_(scope)
            & (FollowupCaseEvent.type == "handed_over")
            & (FollowupCaseEvent.at >= start)
            & (FollowupCaseEvent.at < end)
        )
        .count()
    )
    return {
        "new_arrivals": arrivals,
        "returnees_registered": sum("returnee" in (m.tags or ()) for m in registered),
        "under_observation": len(observed),
        "abnormal_readings": abnormal,
        "handed_over": handed,
    }
