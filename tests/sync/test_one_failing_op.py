"""One op the server fails on never blocks the others in its batch (issue 11, item 5).

A batch is applied in one transaction; should an op fail in a way its checks did not
foresee (a bug, a write that keeps clashing), the server applies the batch again one op
at a time: the others are applied, and the failing op is refused with a reason the
device shows — naming the error id the server log records for the administrator. An
ordinary batch never takes that path (the log stays free of it).
"""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from peewee import IntegrityError
from sync_world import daily_report, fell_back, server_count

from sync.server import apply
from sync.server.models import AppliedOp, DailyReport, Inspection

FAILED = re.compile(
    r"the server could not apply this op \(error id ([0-9a-f]{12})\); "
    r"it has been logged for the administrator"
)
CLASHED = "the server could not store this op because another write kept clashing with it"


def _failing_on(monkeypatch: pytest.MonkeyPatch, report_id: str, error: Exception) -> None:
    """The daily report `report_id` makes the server fail with `error` when it applies it."""
    real = apply.APPLIERS["daily_report.submit"]

    def applier(who: Any, payload: Any) -> Any:
        if payload.id == report_id:
            raise error
        return real(who, payload)

    monkeypatch.setitem(apply.APPLIERS, "daily_report.submit", applier)


def _statuses(answer: Any) -> list[str]:
    assert answer.status_code == 200, answer.text
    return [r["status"] for r in answer.json()["results"]]


def _errors(caplog: pytest.LogCaptureFixture) -> dict[str, logging.LogRecord]:
    return {r.error_id: r for r in caplog.records if getattr(r, "error_id", None)}


@pytest.mark.parametrize("alone", [False, True], ids=["in a batch", "alone"])
def test_an_op_the_server_fails_on_is_refused_with_the_error_id_it_logged(
    api, monkeypatch, caplog, alone
):
    bad_report = daily_report("V1", "p-insp")
    _failing_on(monkeypatch, bad_report["id"], RuntimeError("a bug in the applier"))
    bad = api.op("daily_report.submit", bad_report)
    good = [
        api.op("inspection.submit", api.inspection()),
        api.op("daily_report.submit", daily_report("V1", "p-insp")),
        api.op("inspection.submit", api.inspection()),
    ]
    with caplog.at_level(logging.INFO, logger="fieldapp.server"):
        if alone:
            answers = [api.push([op]).json()["results"][0] for op in [bad, *good]]
        else:
            answer = api.push([good[0], bad, *good[1:]])
            assert answer.status_code == 200, answer.text
            answers = sorted(answer.json()["results"], key=lambda r: r["op_id"] != bad["op_id"])
    refused, *others = answers
    assert [r["status"] for r in others] == ["applied"] * 3
    assert refused["op_id"] == bad["op_id"] and refused["status"] == "rejected"
    matched = FAILED.fullmatch(refused["reason"])
    assert matched, refused["reason"]
    # The administrator finds the failure by the id the device shows.
    logged = _errors(caplog)[matched.group(1)]
    assert logged.getMessage() == "op failed" and logged.levelno == logging.ERROR
    assert logged.op_id == bad["op_id"]
    assert logged.exc_info and "a bug in the applier" in str(logged.exc_info[1])
    assert server_count(Inspection) == 2 and server_count(DailyReport) == 1
    assert server_count(AppliedOp) == 3  # the failed op is not remembered: it may be sent again


def test_an_op_whose_write_keeps_clashing_is_refused_and_the_others_apply(api, monkeypatch):
    bad_report = daily_report("V1", "p-insp")
    _failing_on(monkeypatch, bad_report["id"], IntegrityError("UNIQUE constraint failed"))
    bad = api.op("daily_report.submit", bad_report)
    good = api.op("daily_report.submit", daily_report("V1", "p-insp"))
    first = api.op("inspection.submit", api.inspection())
    answer = api.push([first, bad, good])
    assert _statuses(answer) == ["applied", "rejected", "applied"]
    assert answer.json()["results"][1]["reason"] == CLASHED
    alone = api.push([bad]).json()["results"]
    assert alone == [{"op_id": bad["op_id"], "status": "rejected", "reason": CLASHED,
                      "reason_code": None, "reason_params": None,
                      "conflict": None, "event_seqs": None}]  # fmt: skip
    assert server_count(DailyReport) == 1 and server_count(AppliedOp) == 2


def test_an_ordinary_batch_is_applied_in_one_go(api, caplog):
    """New, repeated and refused ops together: answered without the one-op-at-a-time
    fallback, which the server log would show (with a traceback for an unexpected error)."""
    inspection = api.op("inspection.submit", api.inspection())
    report = api.op("daily_report.submit", daily_report("V1", "p-insp"))
    assert _statuses(api.push([inspection, report])) == ["applied", "applied"]
    batch = [
        api.op("inspection.submit", api.inspection()),
        inspection,
        api.op("daily_report.submit", daily_report("V2", "p-insp")),  # not their grid
        report,
        api.op("daily_report.submit", daily_report("V1", "p-insp")),
        api.op("inspection.submit", api.inspection()),
    ]
    with caplog.at_level(logging.INFO, logger="fieldapp.server"):
        answer = api.push(batch)
    assert _statuses(answer) == [
        "applied", "duplicate", "rejected", "duplicate", "applied", "applied",
    ]  # fmt: skip
    assert "V2" in answer.json()["results"][2]["reason"]
    assert fell_back(caplog.records) == []
    assert server_count(Inspection) == 3 and server_count(DailyReport) == 2
