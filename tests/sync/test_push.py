"""Push against a real server: applied, exactly once, refused with reasons (invariants 1, 4)."""

from __future__ import annotations

import threading

import httpx
import pytest
from sync_world import (
    daily_report,
    enrolment_code,
    event,
    finding_event,
    inspection_submit,
    server_count,
)

from fieldapp.store.models import Outbox, Person, SyncState
from sync.client import ServerRefused, enroll_device
from sync.protocol import payload_hash
from sync.server import db as server_db
from sync.server.models import AppliedOp, ChangeLog, Finding, FindingEvent, Inspection


def test_enrol_records_the_device_and_spends_the_code(make_device, live_server):
    device = make_device("a").open()
    code = enrolment_code("p-insp")
    answer = enroll_device(live_server.url, code, device_name="laptop-1")
    state = SyncState.get_by_id(1)
    assert state.device_id == answer.device_id and state.person == "p-insp"
    assert state.token == answer.token and len(answer.token) >= 43  # 32 random bytes
    assert state.server_epoch == answer.epoch
    assert Person.get_by_id("p-insp").role == "inspector"
    assert answer.grids == ["V1"]
    with pytest.raises(ServerRefused, match="already used"):
        enroll_device(live_server.url, code)
    assert device.device_id == answer.device_id


def test_expired_code_is_refused(make_device, live_server):
    make_device("a").open()
    with pytest.raises(ServerRefused, match="expired"):
        enroll_device(live_server.url, enrolment_code("p-insp", hours=-1))


def test_a_batch_is_applied_and_acked(make_device, seed):
    device = make_device("a").enroll("p-insp")
    venue = seed.venues["DM-0001"]
    ops = [
        device.enqueue("inspection.submit", inspection_submit(venue, "p-insp")) for _ in range(3)
    ]
    ops.append(device.enqueue("daily_report.submit", daily_report("V1", "p-insp")))
    with device.client(batch_size=2) as client:
        result = client.sync_once()
    assert result.ok, result
    assert result.pushed == 4
    rows = device.outbox()
    assert [rows[op].state for op in ops] == ["acked"] * 4
    assert all(rows[op].attempts == 1 and rows[op].acked_at for op in ops)
    assert server_count(Inspection) == 3
    assert server_count(AppliedOp) == 4


def _raw_push(server, device, ops):
    body = {"device_id": device.device_id, "ops": ops}
    headers = {"Authorization": f"Bearer {device.token}"}
    response = httpx.post(f"{server.url}/api/v1/push", json=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return {r["op_id"]: r for r in response.json()["results"]}


def test_retried_reordered_and_concurrent_batches_apply_each_op_once(
    make_device, seed, live_server
):
    device = make_device("a").enroll("p-insp")
    venue = seed.venues["DM-0001"]
    ops = [
        {"op_id": f"op-{i}", "seq": i + 1, "type": "inspection.submit",
         "payload": inspection_submit(venue, "p-insp")}
        for i in range(8)
    ]  # fmt: skip
    first = _raw_push(live_server, device, ops)
    assert {r["status"] for r in first.values()} == {"applied"}
    retried = _raw_push(live_server, device, ops)
    assert {r["status"] for r in retried.values()} == {"duplicate"}
    reordered = _raw_push(live_server, device, list(reversed(ops)))
    assert {r["status"] for r in reordered.values()} == {"duplicate"}

    fresh = [
        {"op_id": f"new-{i}", "seq": 100 + i, "type": "inspection.submit",
         "payload": inspection_submit(venue, "p-insp")}
        for i in range(12)
    ]  # fmt: skip
    answers: list[dict] = []
    barrier = threading.Barrier(2)

    def send(batch):
        barrier.wait()
        answers.append(_raw_push(live_server, device, batch))

    threads = [
        threading.Thread(target=send, args=(fresh,)),
        threading.Thread(target=send, args=(list(reversed(fresh)),)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for op in fresh:
        statuses = sorted(a[op["op_id"]]["status"] for a in answers)
        assert statuses == ["applied", "duplicate"], statuses
    assert server_count(Inspection) == 20
    assert server_count(AppliedOp) == 20
    assert server_count(ChangeLog, ChangeLog.type == "inspection") == 20


def test_same_op_id_with_other_content_is_refused_and_the_original_kept(
    make_device, seed, live_server
):
    device = make_device("a").enroll("p-insp")
    payload = inspection_submit(seed.venues["DM-0001"], "p-insp")
    original = {"op_id": "op-1", "seq": 1, "type": "inspection.submit", "payload": payload}
    assert _raw_push(live_server, device, [original])["op-1"]["status"] == "applied"
    changed = {**payload, "inspection": {**payload["inspection"], "representative": "someone else"}}
    answer = _raw_push(live_server, device, [{**original, "payload": changed}])["op-1"]
    assert answer["status"] == "rejected"
    assert answer["reason"] == "op id reused with different content; original kept"
    with server_db.current().connection_context():
        kept = Inspection.get_by_id(payload["inspection"]["id"])
        assert kept.representative == "店主"
        assert AppliedOp.get_by_id("op-1").payload_hash == payload_hash(payload)


def test_a_gap_in_the_sequence_skips_nothing(make_device, seed):
    device = make_device("a").enroll("p-insp")
    venue = seed.venues["DM-0001"]
    ops = [
        device.enqueue("inspection.submit", inspection_submit(venue, "p-insp"), seq=seq)
        for seq in (1, 2, 5, 9)
    ]
    with device.client(batch_size=3) as client:
        result = client.sync_once()
    assert result.ok, result
    assert {device.outbox()[op].state for op in ops} == {"acked"}
    assert server_count(Inspection) == 4


def test_an_inspector_cannot_verify_or_write_outside_their_grids(make_device, seed):
    device = make_device("a").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    finding = submit["findings"][0]
    opened = finding["events"][0]["id"]
    ok = device.enqueue("inspection.submit", submit)
    verify = device.enqueue(
        "finding.event", finding_event(finding["id"], event("verified", "p-insp", base=opened))
    )
    hand_over = device.enqueue(
        "finding.event",
        finding_event(
            finding["id"],
            event("handed_over", "p-insp", base=opened, data={"unit": "police_station"}),
        ),
    )
    elsewhere = device.enqueue(
        "inspection.submit", inspection_submit(seed.venues["YM-0001"], "p-insp")
    )
    report = device.enqueue("daily_report.submit", daily_report("V2", "p-insp"))
    with device.client() as client:
        result = client.sync_once()
    rows = device.outbox()
    assert rows[ok].state == "acked"
    for op in (verify, hand_over, elsewhere, report):
        assert rows[op].state == "rejected"
    assert "may not record 'verified'" in rows[verify].last_error
    assert "may not record 'handed_over'" in rows[hand_over].last_error
    assert (
        "V2" in rows[elsewhere].last_error and "not among the grids" in rows[elsewhere].last_error
    )
    assert "V2" in rows[report].last_error
    assert {r.op_id for r in result.rejected} == {verify, hand_over, elsewhere, report}
    assert not result.ok
    assert server_count(FindingEvent) == 1
    assert server_count(Finding) == 1


def test_concurrent_supervisor_decisions_are_all_kept_and_the_late_one_flagged(make_device, seed):
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0002"], "p-insp")
    finding = submit["findings"][0]
    opened = finding["events"][0]["id"]
    reported = event("rectification_reported", "p-insp", base=opened)
    inspector.enqueue("inspection.submit", submit)
    inspector.enqueue("finding.event", finding_event(finding["id"], reported))
    with inspector.client() as client:
        assert client.sync_once().ok

    boss = make_device("boss").enroll("p-sup")
    boss.enqueue(
        "finding.event",
        finding_event(finding["id"], event("verified", "p-sup", base=reported["id"])),
    )
    deputy = make_device("deputy").enroll("p-sup2")
    deputy.enqueue(
        "finding.event",
        finding_event(
            finding["id"],
            event("handed_over", "p-sup2", base=reported["id"], data={"unit": "fire_brigade"}),
        ),
    )
    for device in (boss, deputy):
        with device.client() as client:
            result = client.sync_once()
        assert result.pushed == 1 and not result.rejected
    assert result.conflicts and "not valid" in result.conflicts[0].reason
    with server_db.current().connection_context():
        events = list(FindingEvent.select().order_by(FindingEvent.server_order))
        assert [e.type for e in events] == [
            "opened",
            "rectification_reported",
            "verified",
            "handed_over",
        ]
        assert [e.conflict for e in events] == [False, False, False, True]
        stored = Finding.get_by_id(finding["id"])
        assert stored.state == "closed" and stored.conflict
    # The inspector's device learns the decision and the conflict on its next pull.
    inspector.open()
    with inspector.client() as client:
        client.sync_once()
    from fieldapp.store.models import Finding as LocalFinding
    from fieldapp.store.models import FindingEvent as LocalEvent

    local = LocalFinding.get_by_id(finding["id"])
    assert local.state == "closed" and local.conflict
    assert LocalEvent.select().where(LocalEvent.finding == finding["id"]).count() == 4
    assert Outbox.select().where(Outbox.state != "acked").count() == 0
