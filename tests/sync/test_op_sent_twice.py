"""An op sent twice is applied once (invariant 1), however it comes back: twice in one
batch (answered as its own duplicate, with the first copy's conflict and event numbers),
its inspection under a new op id (refused: a correction is a new inspection), or while a
concurrent push of it commits (a duplicate, not a refusal the device would show)."""

from __future__ import annotations

import logging
from typing import Any

from sync_world import (
    InProcessDevice,
    daily_report,
    event,
    fell_back,
    finding_event,
    server_count,
)

from sync.server import apply
from sync.server.models import AppliedOp, FindingEvent, Inspection


def test_an_op_twice_in_one_batch_is_applied_once_and_answered_as_its_duplicate(
    api, in_process_app, seed, caplog
):
    caplog.set_level(logging.INFO, logger="fieldapp.server")
    submit = api.inspection()
    finding = submit["findings"][0]
    reported = event("rectification_reported", "p-insp", base=finding["events"][0]["id"])
    inspection = api.op("inspection.submit", submit)
    report = api.op("finding.event", finding_event(finding["id"], reported))
    elsewhere = api.op("daily_report.submit", daily_report("V2", "p-insp"))  # not their grid
    first = api.answers([inspection, inspection, report, elsewhere, report, elsewhere])
    assert [r["status"] for r in first] == [
        "applied", "duplicate", "applied", "rejected", "duplicate", "rejected"
    ]  # fmt: skip
    assert first[1]["event_seqs"] == first[0]["event_seqs"] == {finding["events"][0]["id"]: 0}
    assert first[4]["event_seqs"] == first[2]["event_seqs"] == {reported["id"]: 1}
    assert first[5]["reason"] == first[3]["reason"] and "V2" in first[3]["reason"]

    # Two supervisors decide from the same state; the late decision, sent twice in its
    # batch, carries its conflict both times.
    boss = InProcessDevice(in_process_app, seed, "p-sup")
    verified = event("verified", "p-sup", base=reported["id"])
    [decided] = boss.answers([boss.op("finding.event", finding_event(finding["id"], verified))])
    assert decided["status"] == "applied" and not decided["conflict"]
    deputy = InProcessDevice(in_process_app, seed, "p-sup2")
    handed = event("handed_over", "p-sup2", base=reported["id"], data={"unit": "fire_brigade"})
    late = deputy.op("finding.event", finding_event(finding["id"], handed))
    other = deputy.op("daily_report.submit", daily_report("V1", "p-sup2"))
    applied, again, _ = deputy.answers([late, late, other])
    assert applied["status"] == "applied" and "not valid" in applied["conflict"]
    assert again == {**applied, "status": "duplicate"}
    assert server_count(FindingEvent) == 4 and server_count(AppliedOp) == 5
    assert fell_back(caplog.records) == []  # each batch applied in one transaction


def test_an_inspection_sent_again_under_a_new_op_id_is_refused(api):
    submit = api.inspection()
    first = api.op("inspection.submit", submit)
    assert api.answers([first])[0]["status"] == "applied"
    alone = [api.op("inspection.submit", submit)]
    in_a_batch = [
        api.op("inspection.submit", submit),
        api.op("inspection.submit", api.inspection()),
    ]
    for batch in (alone, in_a_batch):
        resent = api.answers(batch)[0]
        assert resent["status"] == "rejected"
        assert resent["reason"] == (
            f"inspection {submit['inspection']['id']} was already submitted; "
            "a correction is a new inspection that supersedes it"
        )
    assert server_count(Inspection) == 2


def test_an_inspection_a_concurrent_push_stored_meanwhile_is_a_duplicate(api, monkeypatch, caplog):
    """The second of two pushes of the same batch (a retry while the first is still being
    applied) read the ledger before the first committed: its inspection is in the database
    when it comes to write it, and the ledger, read again, says it is this very op."""
    inspection = api.op("inspection.submit", api.inspection())
    first = api.answers([inspection])[0]
    real = apply._known_ops
    reads: list[list[str]] = []

    def before_the_first_committed(op_ids: list[str]) -> Any:
        reads.append(op_ids)
        return {} if len(reads) == 1 else real(op_ids)

    monkeypatch.setattr(apply, "_known_ops", before_the_first_committed)
    more = [api.op("inspection.submit", api.inspection()) for _ in range(2)]
    with caplog.at_level(logging.INFO, logger="fieldapp.server"):
        again = api.answers([inspection, *more])
    assert [r["status"] for r in again] == ["duplicate", "applied", "applied"]
    assert again[0] == {**first, "status": "duplicate"}
    assert len(reads) == 2  # the batch's ledger read, then the one for the stored inspection
    assert fell_back(caplog.records) == []
    assert server_count(Inspection) == 3 and server_count(AppliedOp) == 3
