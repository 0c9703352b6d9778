"""Every integer and string on the wire is bounded: a value out of range is that op's
rejection (or a 422 for the batch's envelope), never a 500 that blocks the batch."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sync_world import daily_report, server_count

from sync.protocol import API_PREFIX
from sync.server.models import Inspection


def _set(payload: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    target: Any = payload
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[last] = value
    return payload


def _nested(depth: int) -> dict[str, Any]:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return {"a": value}


# One case per kind of field: (what, op payload path, value, words the reason names).
OUT_OF_RANGE = [
    ("int beyond 64 bits", "inspection.checklist_version", 10**30, "checklist_version"),
    ("int of 2**63", "inspection.checklist_version", 2**63, "checklist_version"),
    ("int beyond 32 bits", "inspection.checklist_version", 2**31, "checklist_version"),
    ("negative int", "inspection.checklist_version", -1, "checklist_version"),
    ("int as a huge float", "inspection.checklist_version", 1e300, "checklist_version"),
    ("id too long", "inspection.venue_id", "V" * 101, "venue_id"),
    ("empty id", "inspection.id", "", "inspection.id"),
    ("name too long", "inspection.representative", "店" * 201, "representative"),
    ("text too long", "inspection.presence_note", "x" * 10_001, "presence_note"),
    ("NUL in a string", "inspection.representative", "a\x00b", "representative"),
    ("int in free JSON", "inspection.summary", {"total": 10**30}, "summary"),
    ("NUL in free JSON", "inspection.summary", {"note": "a\x00"}, "summary"),
    ("too deep free JSON", "inspection.summary", _nested(20), "summary"),
    ("free JSON a level too deep", "inspection.summary", _nested(16), "summary"),
    ("int in a free JSON list", "inspection.summary", {"a": [1, 2**63]}, "summary"),
    ("NUL in a free JSON key", "findings.0.events.0.data", {"a\x00": 1}, "data"),
    ("too many photos", "answers.0.photos", ["a" * 64] * 101, "photos"),
    ("a photo name too long", "answers.0.photos", ["a" * 65], "photos"),
    ("string where an int goes", "inspection.checklist_version", "1" * 40, "checklist_version"),
    ("list where text goes", "inspection.started_at", ["2026"], "started_at"),
    ("timestamp too long", "findings.0.created_at", "2" * 41, "created_at"),
    ("event data int", "findings.0.events.0.data", {"deadline": 2**64}, "data"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "path", "value", "named"), OUT_OF_RANGE, ids=[c[0] for c in OUT_OF_RANGE]
)
def test_an_out_of_range_value_rejects_its_op_and_the_batch_goes_on(api, what, path, value, named):  # fmt: skip
    good = [api.op("inspection.submit", api.inspection()) for _ in range(3)]
    bad = api.op("inspection.submit", _set(api.inspection(), path, value))
    more = [
        api.op("inspection.submit", api.inspection()),
        api.op("daily_report.submit", daily_report("V1", "p-insp")),
    ]
    answer = api.push([*good, bad, *more])
    assert answer.status_code == 200, answer.text
    results = {r["op_id"]: r for r in answer.json()["results"]}
    assert results[bad["op_id"]]["status"] == "rejected"
    assert named in results[bad["op_id"]]["reason"]
    assert [results[op["op_id"]]["status"] for op in [*good, *more]] == ["applied"] * 5
    assert server_count(Inspection) == 4


def test_free_json_at_its_bounds_is_applied(api):
    """15 levels of lists inside the summary (16 deep) and the extremes of 64 bits."""
    summary = {**_nested(15), "b": [2**63 - 1, -(2**63 - 1), "店", True, None, 1.5, {}]}
    answer = api.push(
        [api.op("inspection.submit", _set(api.inspection(), "inspection.summary", summary))]
    )
    assert [r["status"] for r in answer.json()["results"]] == ["applied"]


def test_finding_event_and_daily_report_bounds_are_per_op(api):
    report = api.op(
        "daily_report.submit", _set(daily_report("V1", "p-insp"), "counts", {"n": 2**70})
    )
    event = api.op("finding.event", {"finding_id": "f" * 101, "event": {}})
    good = api.op("daily_report.submit", daily_report("V1", "p-insp"))
    answer = api.push([report, event, good])
    assert answer.status_code == 200, answer.text
    statuses = [(r["status"], r.get("reason") or "") for r in answer.json()["results"]]
    assert statuses[0][0] == "rejected" and "counts" in statuses[0][1]
    assert statuses[1][0] == "rejected" and "finding_id" in statuses[1][1]
    assert statuses[2] == ("applied", "")


@pytest.mark.parametrize("seq", [2**63, 2**31, 0, -5, 10**30])
def test_an_envelope_out_of_range_is_a_422_the_client_splits(api, seq):
    ops = [
        api.op("inspection.submit", api.inspection()),
        api.op("inspection.submit", api.inspection()),
    ]
    ops[1]["seq"] = seq
    answer = api.push(ops)
    assert answer.status_code == 422
    assert answer.json()["error"] == "invalid_request"
    assert "seq" in answer.json()["message"]
    # Alone, the good op goes through: the client sends a refused batch op by op.
    assert api.push(ops[:1]).json()["results"][0]["status"] == "applied"


def test_envelope_strings_are_bounded(api):
    ops = [api.op("inspection.submit", api.inspection())]
    ops[0]["op_id"] = "o" * 101
    assert api.push(ops).status_code == 422
    long_device = api.client.post(
        f"{API_PREFIX}/push", json={"device_id": "d" * 101, "ops": []}, headers=api.headers
    )
    assert long_device.status_code == 422


def test_the_bounds_are_in_the_servers_own_schema(api):
    schema = api.client.get("/openapi.json").json()["components"]["schemas"]
    version = schema["InspectionPayload"]["properties"]["checklist_version"]
    assert (version["minimum"], version["maximum"]) == (1, 2**31 - 1)
    assert schema["Op"]["properties"]["seq"]["maximum"] == 2**31 - 1
    assert schema["EventPayload"]["properties"]["note"]["maxLength"] == 10_000
    refs = [alt["$ref"] for alt in schema["Op"]["properties"]["payload"]["anyOf"]]
    assert refs == [
        "#/components/schemas/InspectionSubmit",
        "#/components/schemas/FindingEventSubmit",
        "#/components/schemas/DailyReportSubmit",
        "#/components/schemas/ExportRecorded",
    ]


def test_a_500_is_logged_with_its_status_and_error_id(api, caplog):
    def explode() -> None:
        raise RuntimeError("boom")

    api.client.app.add_api_route("/explode", explode)
    with caplog.at_level(logging.INFO, logger="fieldapp.server"):
        answer = api.client.get("/explode")
    assert answer.status_code == 500
    access = [r for r in caplog.records if r.name == "fieldapp.server.access"]
    assert [(r.path, r.status) for r in access] == [("/explode", 500)]
    error_id = access[0].error_id
    assert len(error_id) == 12 and error_id in answer.json()["message"]
    crash = [r for r in caplog.records if r.getMessage() == "unhandled error"]
    assert crash and crash[0].error_id == error_id


@pytest.mark.parametrize(
    "summary", [{"total": 20}, {"ratio": 1e-05, "big": 1e16, "tiny": -2.5e-300}]
)  # fmt: skip
def test_the_ledger_keeps_the_standard_spelling_of_each_payload(api, summary):
    """The ledger's hash is sha256 of the standard library's canonical JSON, whether or
    not the body held floats (which the faster encoder spells differently)."""
    import hashlib
    import json

    from sync.server import db as server_db
    from sync.server.models import AppliedOp

    payload = api.inspection()
    payload["inspection"]["summary"] = summary
    ops = [api.op("inspection.submit", payload), api.op("inspection.submit", api.inspection())]
    assert [r["status"] for r in api.push(ops).json()["results"]] == ["applied", "applied"]
    standard = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    with server_db.current().connection_context():
        stored = AppliedOp.get(AppliedOp.op_id == ops[0]["op_id"]).payload_hash
    assert stored == hashlib.sha256(standard.encode()).hexdigest()
    assert api.push(ops[:1]).json()["results"][0]["status"] == "duplicate"
