"""Follow-ups on the device with a moving clock: a 14-day plan asks for exactly 28
readings, an abnormal reading opens a case, and the case runs the hazard lifecycle's
shape (reported → handed over to the health centre → outcome → closed)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from people_support import member_named, returnee_family
from rounds_support import SUPERVISOR, Clock, act_as, china

from fieldapp.domain.personal import new_key
from fieldapp.services.followups import cases, plans, readings
from fieldapp.services.people import registry
from fieldapp.store import keyring
from fieldapp.store.followup_models import FollowupCase, FollowupPlan, FollowupReading
from fieldapp.store.models import Outbox

NORMAL = {"FUP-01": "36.6", "FUP-02": "yes"}


@pytest.fixture
def father(tree: Clock) -> str:
    keyring.save_key(new_key())
    registry.save_household(returnee_family("A11"))
    return str(member_named("陈建国").id)


def test_a_14_day_plan_asks_for_exactly_28_readings(tree: Clock, father: str) -> None:
    tree.set(china(2026, 6, 9, 20, 0))  # made the evening before its first day
    plan_id = plans.create_plan(father, start_on=dt.date(2026, 6, 10))
    tree.set(china(2026, 6, 10, 7, 0))
    assert [d.slot_at for d in plans.due_readings()] == ["2026-06-10T08:00", "2026-06-10T16:00"]
    recorded = []
    day = dt.date(2026, 6, 10)
    while day <= dt.date(2026, 6, 26):
        for hour in (8, 12, 16, 20):
            tree.set(china(day.year, day.month, day.day, hour, 5))
            for due in plans.due_readings():
                if due.slot_at <= tree.at.strftime("%Y-%m-%dT%H:%M"):
                    readings.record_reading(due.plan_id, due.slot_at, NORMAL)
                    recorded.append(due.slot_at)
        day += dt.timedelta(days=1)
    assert len(recorded) == 28 == len(set(recorded))
    assert recorded[0] == "2026-06-10T08:00" and recorded[-1] == "2026-06-23T16:00"
    assert plans.due_readings() == []
    assert FollowupCase.select().count() == 0
    ops = [row.type for row in Outbox.select().order_by(Outbox.seq)]
    assert ops.count("followup.reading") == 28 and ops.count("followup.plan") == 1
    assert FollowupReading.select().where(FollowupReading.plan == plan_id).count() == 28


def test_a_second_plan_is_refused_while_the_first_runs(tree: Clock, father: str) -> None:
    """Two plans on one person asked for every reading twice (and the home line counted
    both): the second is refused, saying until when the first runs; the first and its
    readings are kept. Once it has ended, a new plan starts."""
    tree.set(china(2026, 6, 10, 7, 50))  # the plan is made before its first slot
    first = plans.create_plan(father, start_on=dt.date(2026, 6, 10))
    readings.record_reading(first, "2026-06-10T08:00", NORMAL)
    with pytest.raises(plans.PlanActive) as refused:
        plans.create_plan(father, cadence="daily")
    assert "2026-06-23" in str(refused.value) and "Ctrl+T" in str(refused.value)
    assert [d.slot_at for d in plans.due_readings()] == ["2026-06-10T16:00"]
    assert FollowupPlan.select().count() == 1
    assert Outbox.select().where(Outbox.type == "followup.plan").count() == 1
    tree.set(china(2026, 6, 23, 20, 0))  # its last day: still running
    with pytest.raises(plans.PlanActive):
        plans.create_plan(father)
    tree.set(china(2026, 6, 24, 9, 0))
    second = plans.create_plan(father, cadence="daily")
    assert second != first and FollowupReading.select().count() == 1


def test_a_missed_reading_stays_due_and_is_marked_missed(tree: Clock, father: str) -> None:
    tree.set(china(2026, 6, 9, 20, 0))  # made the evening before its first day
    plans.create_plan(father, start_on=dt.date(2026, 6, 10))
    tree.set(china(2026, 6, 10, 17, 0))
    due = plans.due_readings()
    assert [(d.slot_at, d.missed) for d in due] == [
        ("2026-06-10T08:00", True),
        ("2026-06-10T16:00", False),
    ]
    # The later reading recorded first: the 08:00 one stays missed (it read "due" again).
    readings.record_reading(due[1].plan_id, "2026-06-10T16:00", NORMAL)
    assert [(d.slot_at, d.missed) for d in plans.due_readings()] == [("2026-06-10T08:00", True)]
    act_as(SUPERVISOR)  # not among the plan's responsible people
    assert plans.due_readings() == []


def test_an_abnormal_reading_opens_a_case_that_runs_the_lifecycle(tree: Clock, father: str):
    tree.set(china(2026, 6, 9, 20, 0))  # made the evening before its first day
    plan_id = plans.create_plan(father, start_on=dt.date(2026, 6, 10))
    tree.set(china(2026, 6, 10, 8, 10))
    first = readings.record_reading(plan_id, "2026-06-10T08:00", NORMAL)
    assert first.case_id is None
    tree.set(china(2026, 6, 10, 16, 5))
    with pytest.raises(readings.FeverDenied):  # a fever with 无发热…: refused, nothing kept
        readings.record_reading(plan_id, "2026-06-10T16:00", {"FUP-01": "37.3", "FUP-02": "yes"})
    assert FollowupReading.select().count() == 1 and FollowupCase.select().count() == 0
    abnormal = readings.record_reading(plan_id, "2026-06-10T16:00",
                                       {"FUP-01": "37.3", "FUP-02": "no"})  # fmt: skip
    assert abnormal.failed == ("FUP-01", "FUP-02") and abnormal.case_id is not None
    tree.set(china(2026, 6, 11, 8, 5))
    for slip in ("热", "99", "45", "3.7", "nan"):  # not a body temperature: refused, no case
        with pytest.raises(readings.ReadingInvalid):
            readings.record_reading(plan_id, "2026-06-11T08:00", {"FUP-01": slip, "FUP-02": "yes"})
    (view,) = cases.cases()
    assert (view.name, view.state, view.failed) == ("陈建国", "open", ("FUP-01", "FUP-02"))

    with pytest.raises(cases.CaseEventRefused):  # an inspector cannot hand over
        cases.hand_over(abnormal.case_id, "卫健2026-017")
    act_as(SUPERVISOR)
    with pytest.raises(cases.CaseEventRefused):  # nor may an outcome come before it
        cases.record_outcome(abnormal.case_id, "cleared")
    cases.hand_over(abnormal.case_id, "卫健2026-017")
    cases.record_outcome(abnormal.case_id, "isolated", note="居家隔离")
    assert cases.cases()[0].state == "outcome_recorded"
    assert cases.cases()[0].handed_over_to == "health_centre"
    with pytest.raises(cases.CaseEventRefused, match="^办结异常事项须写明办结情况"):
        cases.close(abnormal.case_id, "。。")  # a close says how the case ended, in words
    assert cases.cases()[0].state == "outcome_recorded"
    cases.close(abnormal.case_id, "已解除隔离，体温正常")
    with pytest.raises(cases.CaseEventRefused) as again:  # about the case, not a hazard
        cases.close(abnormal.case_id, "再次办结")
    assert str(again.value) == "这件异常事项当前为“已办结”，现在不能办结。"
    assert cases.cases(open_only=True) == []
    assert FollowupCase.get_by_id(abnormal.case_id).state == "closed"
    events = [row.type for row in Outbox.select().where(Outbox.type == "followup_case.event")]
    assert len(events) == 3


def test_the_daily_report_counts_the_day_s_people_figures(tree: Clock, father: str) -> None:
    from fieldapp.services.daily_report import reports
    from fieldapp.services.daily_report.people_figures import PEOPLE_FIGURES

    tree.set(china(2026, 6, 10, 7, 50))  # the plan is made before its first slot
    plan_id = plans.create_plan(father, start_on=dt.date(2026, 6, 10))
    sick = readings.record_reading(plan_id, "2026-06-10T08:00", {"FUP-01": "38.0", "FUP-02": "no"})
    act_as(SUPERVISOR)
    assert sick.case_id is not None
    cases.hand_over(sick.case_id, "卫健2026-017")
    on_arrival = reports.report_counts("V1", dt.date(2026, 6, 9))  # registered the day after
    assert (on_arrival["new_arrivals"], on_arrival["returnees_registered"]) == (3, 0)
    today = reports.report_counts("V1", dt.date(2026, 6, 10))
    assert {k: today[k] for k in PEOPLE_FIGURES} == {
        "new_arrivals": 0, "returnees_registered": 3, "under_observation": 1,
        "abnormal_readings": 1, "handed_over": 1}  # fmt: skip
    assert "under_observation" not in reports.report_counts("A12", dt.date(2026, 6, 10))
    filed = reports.file_report("A11")
    assert filed.counts["abnormal_readings"] == 1


def test_a_plan_dated_back_keeps_the_slots_from_its_start(tree: Clock, father: str) -> None:
    """Entered at 22:22 for a follow-up that began two days earlier (readings taken on
    paper meanwhile): its earlier slots are the plan's, to be recorded, not refused."""
    tree.set(china(2026, 6, 12, 22, 22))
    plan_id = plans.create_plan(father, start_on=dt.date(2026, 6, 10))
    assert [d.slot_at for d in plans.due_readings()][:2] == [
        "2026-06-10T08:00", "2026-06-10T16:00"]  # fmt: skip
    assert readings.record_reading(plan_id, "2026-06-10T08:00", NORMAL).late is True


def test_a_plan_made_late_in_the_day_begins_with_its_next_slot(tree: Clock, father: str):
    """Made at 22:22, a twice-daily plan starting today did not list today's 08:00 and
    16:00 as 已错过: slots before the plan existed were never due, on any device (the
    synced created_at decides). A slot missed later is still taken, but marked late."""
    tree.set(china(2026, 6, 10, 22, 22))
    plan_id = plans.create_plan(father)
    assert plans.due_readings() == []
    with pytest.raises(readings.ReadingInvalid):  # not a slot of the plan
        readings.record_reading(plan_id, "2026-06-10T08:00", NORMAL)
    tree.set(china(2026, 6, 11, 7, 0))
    assert [(d.slot_at, d.missed) for d in plans.due_readings()] == [
        ("2026-06-11T08:00", False), ("2026-06-11T16:00", False)]  # fmt: skip
    tree.set(china(2026, 6, 11, 8, 20))
    assert readings.record_reading(plan_id, "2026-06-11T08:00", NORMAL).late is False
    tree.set(china(2026, 6, 12, 9, 0))  # 06-11 16:00 missed; 06-12 08:00 has come
    late = readings.record_reading(plan_id, "2026-06-11T16:00", NORMAL)
    assert late.late is True
    payload = [json.loads(row.payload) for row in Outbox.select().where(
        Outbox.type == "followup.reading").order_by(Outbox.seq)]  # fmt: skip
    assert [p["late"] for p in payload] == [False, True]
    plan = FollowupPlan.get_by_id(plan_id)
    assert plans.plan_payload(plan)["created_at"] == plan.created_at


def test_the_afternoon_check_is_not_taken_right_after_the_morning_one(tree: Clock, father):
    """At 08:26 the 16:00 temperature was recorded with no mark, and 待随访 went to 0: two
    checks a day were one taken twice. A slot opens two hours before its time; before
    that it is listed as not yet due and refused, and it stays due."""
    tree.set(china(2026, 6, 9, 20, 0))
    plan_id = plans.create_plan(father, start_on=dt.date(2026, 6, 10))
    tree.set(china(2026, 6, 10, 8, 26))
    readings.record_reading(plan_id, "2026-06-10T08:00", NORMAL)
    with pytest.raises(readings.ReadingTooEarly) as early:
        readings.record_reading(plan_id, "2026-06-10T16:00", NORMAL)
    assert early.value.opens_at == "2026-06-10T14:00"
    assert [(d.slot_at, d.upcoming) for d in plans.due_readings()] == [("2026-06-10T16:00", True)]
    assert FollowupReading.select().count() == 1
    tree.set(china(2026, 6, 10, 14, 0))
    assert plans.due_readings()[0].upcoming is False
    assert readings.record_reading(plan_id, "2026-06-10T16:00", NORMAL).late is False
    assert plans.due_readings() == []


def test_a_home_visit_needs_no_temperature_a_temperature_check_does(tree: Clock, father):
    """A monthly visit to an elderly person living alone asked 体温请填写 30 到 43: a visit
    is recorded without a temperature; a twice-daily check still needs one."""
    tree.set(china(2026, 6, 10, 8, 50))
    visit = plans.create_plan(father, cadence="monthly", start_on=dt.date(2026, 6, 10),
                              days=365)  # fmt: skip
    (due,) = plans.due_readings()
    assert due.temperature is False
    recorded = readings.record_reading(visit, due.slot_at, {"FUP-01": "", "FUP-02": "yes"})
    assert recorded.case_id is None
    tree.set(china(2027, 7, 1, 7, 0))  # the visits ended; a temperature check begins
    check = plans.create_plan(father, start_on=dt.date(2027, 7, 1))
    assert {d.temperature for d in plans.due_readings() if d.plan_id == check} == {True}
    with pytest.raises(readings.ReadingInvalid):
        readings.record_reading(check, "2027-07-01T08:00", {"FUP-01": "", "FUP-02": "yes"})


def test_under_observation_counts_controlled_persons_only(tree: Clock, father: str) -> None:
    """在管观察 counted every plan: a monthly visit to an elderly person living alone made
    it 2 人, and a person tagged 管控对象 with no plan was not counted. It counts controlled
    persons: under a temperature check, or tagged 管控对象 and not moved out by the day."""
    from people_support import household_of_one

    from fieldapp.services.daily_report import reports

    tree.set(china(2026, 6, 10, 7, 50))
    plans.create_plan(father, start_on=dt.date(2026, 6, 10))  # twice a day: counted
    for visited in ("林秀英", "陈小明"):  # visits: not counted
        plans.create_plan(str(member_named(visited).id), cadence="monthly")
    household_of_one("赵管控", code="DM-031", tags=("controlled",))  # no plan: counted
    household_of_one("钱离开", code="DM-032", tags=("controlled",), left_on="2026-06-09")
    assert reports.report_counts("A11", dt.date(2026, 6, 10))["under_observation"] == 2
    assert reports.report_counts("A11", dt.date(2026, 6, 9))["under_observation"] == 2
