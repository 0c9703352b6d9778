"""A push of one op is answered as the same op in a batch is (invariant 1).

The server applies a batch of one op, and each op of a batch whose transaction failed, on
its own path: these tests push ops alone, then again alone and in a batch, and hold the
answers to what a device keeps — applied with its event numbers and conflict, a duplicate
carrying the original's, a reused op id refused, a refused op with its reason and judged
again later — and to what the ledger records for an auditor.
"""

from __future__ import annotations

from typing import Any

import pytest
from sync_world import InProcessDevice, daily_report, event, finding_event, server_count

from sync.server import db as server_db
from sync.server.models import AppliedOp, DailyReport, FindingEvent


def _alone(device: InProcessDevice, op: dict[str, Any]) -> dict[str, Any]:
    [result] = device.answers([op])
    return result


def _ledger(op_id: str) -> dict[str, Any]:
    with server_db.current().connection_context():
        return AppliedOp.get_by_id(op_id).result


def _duplicate_of(applied: dict[str, Any]) -> dict[str, Any]:
    return {**applied, "status": "duplicate"}


def test_a_late_decision_pushed_alone_keeps_its_conflict_and_numbers_when_pushed_again(
    api, in_process_app, seed
):
    boss = InProcessDevice(in_process_app, seed, "p-sup")
    deputy = InProcessDevice(in_process_app, seed, "p-sup2")
    submit = api.inspection()
    finding = submit["findings"][0]
    opened = finding["events"][0]["id"]
    reported = event("rectification_reported", "p-insp", base=opened)
    verified = event("verified", "p-sup", base=reported["id"])
    handed = event("handed_over", "p-sup2", base=reported["id"], data={"unit": "fire_brigade"})
    pushed = [
        (api, api.op("inspection.submit", submit)),
        (api, api.op("finding.event", finding_event(finding["id"], reported))),
        (boss, boss.op("finding.event", finding_event(finding["id"], verified))),
        (deputy, deputy.op("finding.event", finding_event(finding["id"], handed))),
    ]
    first = [_alone(device, op) for device, op in pushed]
    assert [r["status"] for r in first] == ["applied"] * 4
    assert [r["event_seqs"] for r in first] == [
        {opened: 0}, {reported["id"]: 1}, {verified["id"]: 2}, {handed["id"]: 3}
    ]  # fmt: skip
    assert [bool(r["conflict"]) for r in first] == [False, False, False, True]
    assert "not valid" in first[3]["conflict"]  # the deputy's device shows why

    # Sent again (an answer lost on the way back): the stored answer, alone or in a batch.
    again = [_alone(device, op) for device, op in pushed]
    assert again == [_duplicate_of(r) for r in first]
    batch = deputy.answers([op for device, op in pushed if device is deputy])
    assert batch == [_duplicate_of(first[3])]
    assert server_count(FindingEvent) == 4 and server_count(AppliedOp) == 4

    # The ledger an auditor reads holds each op's answer as the device got it.
    assert [_ledger(op["op_id"]) for _, op in pushed[1:]] == [
        {"status": "applied", "event_seqs": r["event_seqs"]}
        | ({"conflict": r["conflict"]} if r["conflict"] else {})
        for r in first[1:]
    ]


def test_an_op_records_the_same_answer_in_the_ledger_alone_as_in_a_batch(api):
    alone = api.op("daily_report.submit", daily_report("V1", "p-insp"))
    in_batch = api.op("daily_report.submit", daily_report("V1", "p-insp"))
    assert _alone(api, alone)["status"] == "applied"
    assert [r["status"] for r in api.answers([in_batch, alone])] == ["applied", "duplicate"]
    assert _ledger(alone["op_id"]) == _ledger(in_batch["op_id"]) == {"status": "applied"}
    assert _alone(api, in_batch) == {**api.answers([in_batch])[0], "status": "duplicate"}


def test_an_op_id_reused_alone_with_other_content_is_refused_and_the_original_kept(api):
    report = daily_report("V1", "p-insp")
    original = api.op("daily_report.submit", report)
    assert _alone(api, original)["status"] == "applied"
    changed = {**original, "payload": {**report, "remarks": "written over"}}
    reused = _alone(api, changed)
    assert reused["status"] == "rejected"
    assert reused["reason"] == "op id reused with different content; original kept"
    with server_db.current().connection_context():
        assert DailyReport.get_by_id(report["id"]).remarks == ""
    assert _alone(api, original)["status"] == "duplicate"


def test_an_op_refused_alone_says_why_and_is_judged_again_once_it_can_apply(api):
    submit = api.inspection()
    finding = submit["findings"][0]
    reported = event("rectification_reported", "p-insp", base=finding["events"][0]["id"])
    early = api.op("finding.event", finding_event(finding["id"], reported))
    refused = _alone(api, early)
    assert refused == {
        "op_id": early["op_id"],
        "status": "rejected",
        "reason": f"finding {finding['id']} is not known to the server "
        "(the inspection that opened it may have been refused)",
        "reason_code": "unknown_record",  # the device words it in its person's language
        "reason_params": {"record": "finding", "id": finding["id"]},
        "conflict": None,
        "event_seqs": None,
    }
    assert server_count(AppliedOp) == 0  # refused: not remembered

    assert _alone(api, api.op("inspection.submit", submit))["status"] == "applied"
    later = _alone(api, early)  # the device sends it again after the inspection
    assert later["status"] == "applied" and later["event_seqs"] == {reported["id"]: 1}


@pytest.mark.parametrize("alone", [True, False], ids=["alone", "in a batch"])
def test_an_unknown_op_type_or_an_invalid_payload_is_refused_with_its_reason(api, alone):
    unknown = api.op("hazard.teleport", {"to": "V2"})
    invalid = api.op("daily_report.submit", {**daily_report("V1", "p-insp"), "date": None})
    good = api.op("daily_report.submit", daily_report("V1", "p-insp"))
    ops = [unknown, invalid, good]
    results = [_alone(api, op) for op in ops] if alone else api.answers(ops)
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied"]
    assert results[0]["reason"] == (
        "unknown op type 'hazard.teleport'; this server speaks protocol v1"
    )
    assert results[1]["reason"].startswith("the daily_report.submit payload is not valid: ")
    assert "date" in results[1]["reason"]
    assert server_count(AppliedOp) == 1 and server_count(DailyReport) == 1
