"""A returnee's abnormal reading, recorded offline, reaches the supervisor as a case,
which is handed to the health centre and given an outcome; devices of other grids never
see it."""

from __future__ import annotations

from people_support import member_named, returnee_family

from fieldapp.domain.clock import today
from fieldapp.services.daily_report.people_figures import people_figures
from fieldapp.services.followups import cases, plans, readings
from fieldapp.services.people import registry
from fieldapp.store.followup_models import FollowupCase, FollowupPlan
from sync.server import db as server_db
from sync.server.followup_models import FollowupCase as ServerCase
from sync.server.followup_models import FollowupReading as ServerReading


def test_an_abnormal_reading_becomes_a_case_the_supervisor_hands_over(make_device):
    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family())
    father = member_named("陈建国")
    plan_id = plans.create_plan(father.id)
    morning, afternoon = (d.slot_at for d in plans.due_readings())  # today's two
    warm = readings.record_reading(plan_id, morning, {"FUP-01": "37.4", "FUP-02": "yes"})
    sick = readings.record_reading(plan_id, afternoon, {"FUP-01": "38.1", "FUP-02": "no"})
    assert warm.case_id and sick.case_id  # two cases: the later one is handed over
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        assert ServerReading.select().count() == 2
        assert ServerCase.get_by_id(sick.case_id).state == "open"

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    shown = {case.id: case for case in cases.cases()}
    assert set(shown) == {warm.case_id, sick.case_id}
    case = shown[sick.case_id]
    assert (case.name, case.state, case.failed) == ("陈建国", "open", ("FUP-01", "FUP-02"))
    # The day's 18:00 report on the supervisor's device counts the abnormal reading, and the
    # readings taken on the worker's device are not due again here.
    assert people_figures(["V1"], today())["abnormal_readings"] == 2
    assert [d.slot_at for d in plans.due_readings(person_id="p-insp")] == []
    cases.hand_over(case.id, "卫健2026-017")
    cases.record_outcome(case.id, "isolated")
    with supervisor.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        assert ServerCase.get_by_id(sick.case_id).state == "outcome_recorded"

    worker.open()
    with worker.client() as client:
        assert client.sync_once().ok
    assert FollowupCase.get_by_id(sick.case_id).state == "outcome_recorded"
    assert FollowupCase.get_by_id(warm.case_id).state == "open"  # the other case as it was

    other = make_device("other").enroll("p-insp2")  # V2
    with other.client() as client:
        assert client.sync_once().ok
    assert FollowupPlan.select().count() == 0 and FollowupCase.select().count() == 0
