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
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from peewee import SQL, fn

from fieldapp.domain import personal
from fieldapp.domain.registry import REVEAL_ROLES
from fieldapp.i18n import listed, t
from fieldapp.reports.ledger import KeptAsText, Labels
from fieldapp.services.common.identity import me
from fieldapp.store import keyring
from fieldapp.store.db import rows
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
PAGE = 2000  # rows read from the store at a time


class FullExportRefused(PermissionError):
    """Only roles that may reveal personal data may export it in full."""


def check_full_export() -> None:
    """Refused, saying who may, for a role that may not reveal personal data."""
    if me().role not in REVEAL_ROLES:
        raise FullExportRefused(t("export.full_refused"))


def _shown(seal: personal.PersonalCipher | None, member: HouseholdMember, field: str,
           full: bool) -> str:  # fmt: skip
    token = member.id_number if field == personal.ID_NUMBER_FIELD else member.phone
    if not token:
        return ""
    if seal is None:
        return "*" * (18 if field == personal.ID_NUMBER_FIELD else 11)
    clear = seal.open(token, field=field, owner=member.id)
    if full:
        return KeptAsText(clear)  # an ID number stays whole when Excel opens the CSV
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


def _after(keys: Sequence[Any], last: Sequence[object]) -> Any:
    """Rows after `last` in the order of `keys` (a keyset page's start): the first key
    greater, or equal and the rest after. Values go through each field's conversion."""
    head, *rest = keys
    if not rest:
        return head > last[0]
    return (head > last[0]) | ((head == last[0]) & _after(rest, last[1:]))


def _pages(
    query: Any, keys: Sequence[Any], key_of: Callable[[Any], Sequence[object]]
) -> Iterator[list[Any]]:
    """`query` in keyset pages of `PAGE` rows ordered by `keys` (unique together)."""
    condition: Any = None
    while True:
        page_query = query if condition is None else query.where(condition)
        page = list(page_query.order_by(*keys).limit(PAGE))
        if not page:
            return
        yield page
        condition = _after(keys, key_of(page[-1]))


def write_people_sheets(
    sheet: Sheet, row: Row, labels: Labels, grids: list[str], *, full: bool,
    days: tuple[dt.date | None, dt.date | None] = (None, None),
) -> int:  # fmt: skip
    """The two sheets for the households of `grids`; returns the number of people. The
    people sheet is the register as it stands (everyone, whatever the dates: its title
    says the day); the follow-up sheet lists the plans that run within `days`. Both are
    read in keyset pages; a page of plans brings its readings' counts with it and one
    more query its cases' states."""
    in_grids = Household.grid.in_(grids)
    if not HouseholdMember.select().join(Household).where(in_grids).exists():
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
    people = 0
    members = HouseholdMember.select(HouseholdMember, Household).join(Household).where(in_grids)
    for page in _pages(
        members, (Household.grid, Household.building, Household.code, HouseholdMember.id),
        lambda m: (m.household.grid_code, m.household.building, m.household.code, m.id),
    ):  # fmt: skip
        for m in page:
            h = m.household
            row([h.grid_code, h.code, h.building, h.address, m.name,
                 labels.maybe("ledger.sex", m.sex) if m.sex else "", m.birth_year or "",
                 _shown(seal, m, idn, full), _shown(seal, m, phone, full),
                 listed((labels.maybe("ledger.tag", tag) for tag in m.tags or ()), labels.lang),
                 m.arrived_on, m.left_on, m.registered_on])  # fmt: skip
        people += len(page)
    sheet("followups", [labels(f"ledger.followups.{k}") for k, _ in FOLLOWUP_COLUMNS],
          [w for _, w in FOLLOWUP_COLUMNS])  # fmt: skip
    read = FollowupReading.alias()
    n_readings = read.select(fn.COUNT(read.id)).where(read.plan == FollowupPlan.id)
    n_abnormal = n_readings.where(fn.json_array_length(read.failed) > 0)  # a failed item
    plans = (
        FollowupPlan.select(
            FollowupPlan,
            HouseholdMember,
            n_readings.alias("n_readings"),
            n_abnormal.alias("n_abnormal"),
        )
        .join(HouseholdMember)
        .join(Household)
        .where(in_grids & _running(days))
    )
    for page in _pages(
        plans, (FollowupPlan.start_on, FollowupPlan.id), lambda p: (p.start_on, p.id)
    ):
        states: dict[str, list[str]] = {}
        cases = rows(  # in the order the store keeps them, as one plan's cases always were
            FollowupCase.select(FollowupCase.plan, FollowupCase.state)
            .where(FollowupCase.plan.in_([plan.id for plan in page]))
            .order_by(FollowupCase.plan, SQL("rowid"))
        )
        for plan_id, state in cases:
            states.setdefault(plan_id, []).append(state)
        for plan in page:
            row([plan.member.name, _shown(seal, plan.member, idn, full),
                 labels.maybe("ledger.cadence", plan.cadence), plan.start_on, plan.days,
                 plan.n_readings, plan.n_abnormal,
                 listed((labels.maybe("ledger.case_state", s) for s in states.get(plan.id, ())),
                        labels.lang)])  # fmt: skip
    return people
