"""A returnee's abnormal reading, recorded offline, reaches the supervisor as a case,
which is handed to the health centre and given an outcome; devices of other grids never
see it."""

from __future__ import annotations

import datetime as dt
import json

from people_support import member_named, office_clock_at, record_when_open, returnee_family
from sync_world import event

from fieldapp.domain import clock
from fieldapp.domain.clock import today
from fieldapp.domain.ids import new_id
from fieldapp.services.common.refusal_reasons import reason_in_words
from fieldapp.services.daily_report.people_figures import people_figures
from fieldapp.services.followups import cases, plans
from fieldapp.services.people import registry
from fieldapp.services.syncing.conflicts import conflict_line
from fieldapp.store.followup_models import FollowupCase, FollowupPlan
from sync.server import db as server_db
from sync.server.followup_models import FollowupCase as ServerCase
from sync.server.followup_models import FollowupReading as ServerReading


def test_an_abnormal_reading_becomes_a_case_the_supervisor_hands_over(make_device, monkeypatch):
    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family())
    father = member_named("陈建国")
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    plan_id = plans.create_plan(father.id)
    morning, afternoon = (d.slot_at for d in plans.due_readings())  # today's two
    warm = record_when_open(plan_id, morning, {"FUP-01": "37.4", "FUP-02": "no"})
    sick = record_when_open(plan_id, afternoon, {"FUP-01": "38.1", "FUP-02": "no"})
    assert warm.case_id and sick.case_id  # two cases: the later one is handed over
    # An older device saved 38.5 ℃ with 无发热… (the device refuses it since e6a0a2e2).
    answers, at = {"FUP-01": "38.5", "FUP-02": "yes"}, clock.now_iso()
    opened = event("opened", "p-insp", at=at)
    denied = worker.enqueue("followup.reading", {
        "id": new_id(), "plan_id": plan_id, "slot_at": afternoon, "taken_at": at,
        "answers": answers, "failed": ["FUP-01"], "recorded_by": "p-insp",
        "case": {"id": new_id(), "opened_at": at, "event": opened},
    })  # fmt: skip
    with worker.client() as client:
        result = client.sync_once()
    assert [r.type for r in result.rejected] == ["followup.reading"], result
    row = worker.outbox()[denied]
    params = {"temperature": "38.5", "above": "37.2"}
    assert (row.refusal_code, json.loads(row.refusal_params)) == ("followup_fever_denied", params)
    assert reason_in_words(row.refusal_code, params, "").startswith(
        "体温 38.5 ℃ 已是发热（高于 37.2 ℃），症状却是“无发热、咳嗽、乏力等症状”"
    )
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
    # An older device closed the case with no note or "。。", ended the plan with "。。"
    # for a reason and handed the other case over under 文号 "。。": refused, coded
    # free_text with the rule (a hazard's 文号's), worded by the device.
    last = cases.folded(case.id).last_event_id
    bare, dots = (event("closed", "p-sup", base=last, role="supervisor") for _ in range(2))
    dots["note"] = "。。"
    refused = [supervisor.enqueue("followup_case.event", {"case_id": case.id, "event": e})
               for e in (bare, dots)]  # fmt: skip
    handed = {"unit": "health_centre", "reference": "。。", "date": today().isoformat()}
    blank = event("handed_over", "p-sup", role="supervisor", data=handed,
                  base=cases.folded(warm.case_id).last_event_id)  # fmt: skip
    wrong_reference = {"case_id": warm.case_id, "event": blank}
    ended = {"at": clock.now_iso(), "by": "p-sup", "reason": "。。"}
    plan = plans.plan_payload(FollowupPlan.get_by_id(plan_id))
    refused.append(supervisor.enqueue("followup.plan", {**plan, "ended": ended}))
    refused.append(supervisor.enqueue("followup_case.event", wrong_reference))
    with supervisor.client() as client:
        result = client.sync_once()
    assert len(result.rejected) == 4, result
    rows = [supervisor.outbox()[op] for op in refused]
    rules = [(row.refusal_code, json.loads(row.refusal_params)["text_rule"]) for row in rows]
    assert rules == [("free_text", "case_close_note")] * 2 + [
        ("free_text", "plan_end_reason"),
        ("free_text", "hand_over_reference"),
    ]
    said = reason_in_words("free_text", {"text_rule": "case_close_note"}, "")
    assert said.startswith("办结异常事项须写明办结情况")
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


def test_two_laptops_deciding_one_case_with_clocks_out_of_step_show_the_servers_outcome(
    make_device, monkeypatch
):
    """The supervisor decides one case on two laptops offline: the one whose clock runs an
    hour fast closes it and syncs first; the one an hour slow hands it over and syncs
    after. The server keeps the close and the hand-over comes too late; every device,
    the worker's too, shows the case closed, though by the laptops' clocks the hand-over
    came first."""
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family())
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    plan_id = plans.create_plan(member_named("陈建国").id)
    slot = plans.due_readings()[0].slot_at
    case_id = record_when_open(plan_id, slot, {"FUP-01": "38.1", "FUP-02": "no"}).case_id
    assert case_id
    with worker.client() as client:
        assert client.sync_once().ok
    real = clock.now()
    laptops = {"fast": dt.timedelta(hours=1), "slow": -dt.timedelta(hours=1)}
    fast, slow = (make_device(name).enroll("p-sup") for name in laptops)
    close, hand_over = (
        lambda c: cases.close(c, "已解除隔离"),
        lambda c: cases.hand_over(c, "卫健-18"),
    )
    for laptop, decide in ((fast, close), (slow, hand_over)):
        laptop.open()
        with laptop.client() as client:
            assert client.sync_once().ok  # the case, open
        monkeypatch.setattr(clock, "_now", lambda off=laptops[laptop.home.name]: real + off)
        decide(case_id)
    monkeypatch.setattr(clock, "_now", lambda: real)
    results = {}
    for laptop in (fast, slow, worker):
        laptop.open()
        with laptop.client() as client:
            results[laptop.home.name] = client.sync_once()
            assert results[laptop.home.name].ok
    # The slow laptop is told of its late hand-over about the case, not about a hazard.
    said = [conflict_line(c) for c in results["slow"].conflicts]
    assert said == ["“移交卫生院”到达时这件异常事项已是“已办结”，未生效。"], said
    with server_db.current().connection_context():
        assert ServerCase.get_by_id(case_id).state == "closed"
    for laptop in (worker, fast, slow):
        laptop.open()
        assert FollowupCase.get_by_id(case_id).state == "closed", laptop.home.name
