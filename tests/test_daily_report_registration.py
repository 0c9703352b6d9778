"""The 18:00 登记台账 counts the returnees registered that day: a family back yesterday and
registered today counts today (and not the day before or after); an edit the next day does
not move the date; a merge keeps the earliest; a person registered before the date was kept
counts by arrival."""

from __future__ import annotations

import datetime as dt

import pytest
from people_support import FATHER, returnee_family
from rounds_support import SUPERVISOR, Clock, act_as, china

from fieldapp.domain.personal import new_key
from fieldapp.services.daily_report import reports
from fieldapp.services.people import duplicates, registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.store import keyring
from fieldapp.store.people_models import HouseholdMember

ARRIVED, REGISTERED, NEXT_DAY = dt.date(2026, 6, 9), dt.date(2026, 6, 10), dt.date(2026, 6, 11)


def _figures(day: dt.date) -> tuple[int, int]:
    counts = reports.report_counts("V1", day)
    return counts["new_arrivals"], counts["returnees_registered"]


@pytest.fixture
def family(tree: Clock) -> str:
    """The family of three back on 06-09, registered on the device on 06-10 at 10:00."""
    keyring.save_key(new_key())
    tree.set(china(2026, 6, 10, 10, 0))
    return registry.save_household(returnee_family("A11"))


def test_a_returnee_who_arrived_yesterday_is_counted_on_the_day_of_registration(family: str):
    assert {m.registered_on for m in registry.household(family).members} == {REGISTERED}
    assert _figures(ARRIVED) == (3, 0)  # arrived that day, registered only the next
    assert _figures(REGISTERED) == (0, 3)
    assert _figures(NEXT_DAY) == (0, 0)


def test_an_edit_the_next_day_keeps_the_date_and_a_new_member_gets_that_day(
    tree: Clock, family: str
) -> None:
    tree.set(china(2026, 6, 11, 9, 30))
    held = registry.household(family)
    form = returnee_family("A11")
    form.id = family
    for member in form.members:
        member.id = next(v.id for v in held.members if v.name == member.name)
        member.id_number = member.phone = ""  # kept, as the edit form does
        member.note = "已电话回访"
    form.members.append(MemberForm("陈奶奶", sex="female", tags=("returnee",),
                                   arrived_on="2026-06-09"))  # fmt: skip
    registry.save_household(form)
    dates = {m.name: m.registered_on for m in registry.household(family).members}
    assert dates == {"陈建国": REGISTERED, "林秀英": REGISTERED, "陈小明": REGISTERED,
                     "陈奶奶": NEXT_DAY}  # fmt: skip
    assert _figures(REGISTERED) == (0, 3)
    assert _figures(NEXT_DAY) == (0, 1)


def test_a_person_registered_before_the_date_was_kept_counts_by_arrival(
    tree: Clock, family: str
) -> None:
    HouseholdMember.update(registered_on=None).execute()  # as a store from before v17
    assert _figures(ARRIVED) == (3, 3)
    assert _figures(REGISTERED) == (0, 0)
    tree.set(china(2026, 6, 11, 9, 30))
    form = returnee_family("A11")
    form.id = family
    for member in form.members:
        member.id = next(v.id for v in registry.household(family).members if v.name == member.name)
        member.id_number = member.phone = ""
    registry.save_household(form)  # an edit does not make it "registered today"
    assert {m.registered_on for m in HouseholdMember.select()} == {None}
    assert _figures(NEXT_DAY) == (0, 0)


def test_a_merge_keeps_the_earlier_registration(tree: Clock, family: str) -> None:
    tree.set(china(2026, 6, 12, 9, 0))  # the father registered again, as a tenant elsewhere
    registry.save_household(HouseholdForm(grid_code="A11", code="DM-200", members=[
        MemberForm("陈建国", id_number=FATHER, tags=("tenant",))]))  # fmt: skip
    act_as(SUPERVISOR)
    (pair,) = [p for p in duplicates.duplicates() if p.keep.name == "陈建国"]
    again = next(m for m in (pair.keep, pair.drop) if m.registered_on == dt.date(2026, 6, 12))
    first = pair.drop if again is pair.keep else pair.keep
    duplicates.merge(again.id, first.id)  # the later record kept
    assert HouseholdMember.get_by_id(again.id).registered_on == REGISTERED
    assert _figures(REGISTERED) == (0, 3)
