"""The ledger's people and follow-up sheets (人员台账, 随访台账), masked by default.

ID numbers and phones are written masked (`4501**********1234`); full values only when
asked for and the role may reveal (`domain.registry.REVEAL_ROLES`). The ledger's one
`export.recorded` op carries the number of people written and whether in full, so the
server's audit trail has one entry per export saying who exported how many people, in
full or masked, from which device. Written only when the exported grids hold households.
Reads the store, not other capabilities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from peewee import fn

from fieldapp.domain import personal
from fieldapp.domain.registry import REVEAL_ROLES
from fieldapp.i18n import listed, t
from fieldapp.reports.ledger import Labels
from fieldapp.services.common.identity import me
from fieldapp.store import keyring
from fieldapp.store.followup_models import FollowupCase, FollowupPlan, FollowupReading
from fieldapp.store.people_models import Household, HouseholdMember

PEOPLE_COLUMNS = (("grid", 12), ("household", 12), ("building", 10), ("address", 24),
                  ("name", 10), ("sex", 6), ("birth_year", 8), ("id_number", 20),
                  ("phone", 14), ("tags", 20), ("arrived_on", 12), ("left_on", 12),
                  ("registered_on", 12))  # fmt: skip
FOLLOWUP_COLUMNS = (("name", 10), ("id_number", 20), ("cadence", 14), ("start_on", 12),
                    ("days", 6), ("readings", 8), ("abnormal", 8), ("cases", 20))  # fmt: skip

Sheet = Callable[[str, Sequence[str], Sequence[int]], None]
Row = Callable[[Sequence[object]], None]


class FullExportRefused(PermissionError):
    """Only roles that may reveal personal data may export it in full."""


def check_full_export() -> None:
    if me().role not in REVEAL_ROLES:
        raise FullExportRefused(t("people.reveal_refused"))


def _shown(seal: personal.PersonalCipher | None, member: HouseholdMember, field: str,
           full: bool) -> str:  # fmt: skip
    token = member.id_number if field == personal.ID_NUMBER_FIELD else member.phone
    if not token:
        return ""
    if seal is None:
        return "*" * (18 if field == personal.ID_NUMBER_FIELD else 11)
    clear = seal.open(token, field=field, owner=member.id)
    if full:
        return clear
    return personal.mask_id_number(clear) if field == personal.ID_NUMBER_FIELD else (
        personal.mask_phone(clear))  # fmt: skip


def _running(days: tuple[dt.date | None, dt.date | None]) -> Any:
    """Plans that run on a day of `days` (local dates, inclusive): from their start day
    for their number of days. A plan whose readings fall in the dates runs in them."""
    first, last = days
    condition: Any = FollowupPlan.id.is_null(False)
    if last:
        condition &= FollowupPlan.start_on <= last
    if first:  # its last day: start_on + days - 1
        ends = fn.date(FollowupPlan.start_on, fn.printf("%+d days", FollowupPlan.days - 1))
        condition &= ends >= first.isoformat()
    return condition


def write_people_sheets(
    sheet: Sheet, row: Row, labels: Labels, grids: list[str], *, full: bool,
    days: tuple[dt.date | None, dt.date | None] = (None, None),
) -> int:  # fmt: skip
    """The two sheets for the households of `grids`; returns the number of people. The
    people sheet is the register as it stands (everyone, whatever the dates: its title
    says the day); the follow-up sheet lists the plans that run within `days`."""
    members = list(
        HouseholdMember.select(HouseholdMember, Household)
        .join(Household)
        .where(Household.grid.in_(grids))
        .order_by(Household.grid, Household.building, Household.code, HouseholdMember.id)
    )
    if not members:
        return 0
    if full:
        check_full_export()
    try:
        seal: personal.PersonalCipher | None = keyring.cipher()
    except personal.PersonalDataLocked:
        seal = None
    idn, phone = personal.ID_NUMBER_FIELD, personal.PHONE_FIELD
    sheet("people", [labels(f"ledger.people.{k}") for k, _ in PEOPLE_COLUMNS],
          [w for _, w in PEOPLE_COLUMNS])  # fmt: skip
    masks: dict[str, str] = {}
    for m in members:
        h = m.household
        masks[m.id] = _shown(seal, m, idn, full)
        row([h.grid_code, h.code, h.building, h.address, m.name,
             labels.maybe("ledger.sex", m.sex) if m.sex else "", m.birth_year or "",
             masks[m.id], _shown(seal, m, phone, full),
             listed((labels.maybe("ledger.tag", tag) for tag in m.tags or ()), labels.lang),
             m.arrived_on, m.left_on, m.registered_on])  # fmt: skip
    by_id = {m.id: m for m in members}
    plans = FollowupPlan.select().where(FollowupPlan.member.in_(list(by_id)) & _running(days))
    sheet("followups", [labels(f"ledger.followups.{k}") for k, _ in FOLLOWUP_COLUMNS],
          [w for _, w in FOLLOWUP_COLUMNS])  # fmt: skip
    for plan in plans.order_by(FollowupPlan.start_on, FollowupPlan.id):
        readings: list[Any] = list(FollowupReading.select(FollowupReading.failed).where(
            FollowupReading.plan == plan.id))  # fmt: skip
        states = [c.state for c in FollowupCase.select().where(FollowupCase.plan == plan.id)]
        row([by_id[plan.member_id].name, masks[plan.member_id],
             labels.maybe("ledger.cadence", plan.cadence), plan.start_on, plan.days,
             len(readings), sum(1 for r in readings if r.failed),
             listed((labels.maybe("ledger.case_state", s) for s in states), labels.lang)])  # fmt: skip
    return len(members)
