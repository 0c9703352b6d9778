"""What a push keeps of an inspection's answers, and what a push costs the collector.

Answers are validated into dicts of their own (not model objects): each keeps its five
fields, with the defaults of those the device left out and nothing the protocol does not
name, in item-code order, in the row and in the record supervisors pull. A push of 100
inspections leaves the garbage collector alone: what it holds until its commit is freed
by reference counts (`app.settle_memory`)."""

from __future__ import annotations

import gc
import json
from typing import Any

from sync_world import InProcessDevice

from sync.server import db as server_db
from sync.server.app import YOUNG_COLLECTION_EVERY
from sync.server.models import Inspection


def test_answers_keep_their_five_fields_with_defaults_in_item_order(api, in_process_app, seed):
    payload = api.inspection(findings=0)
    payload["answers"] = [
        {"item_code": "COM-02", "outcome": "pass", "colour": "red"},  # unknown: dropped
        {"item_code": "COM-01", "outcome": "fail", "value": "3", "note": "门锁坏",
         "photos": ["a" * 64]},
        {"item_code": "COM-03", "outcome": "na", "photos": []},
    ]  # fmt: skip
    assert [r["status"] for r in api.answers([api.op("inspection.submit", payload)])] == ["applied"]
    expected = [
        {"item_code": "COM-01", "note": "门锁坏", "outcome": "fail", "photos": ["a" * 64],
         "value": "3"},
        {"item_code": "COM-02", "note": "", "outcome": "pass", "photos": [], "value": ""},
        {"item_code": "COM-03", "note": "", "outcome": "na", "photos": [], "value": ""},
    ]  # fmt: skip
    inspection_id = payload["inspection"]["id"]
    with server_db.current().connection_context():
        stored = Inspection.get_by_id(inspection_id).answers
    assert json.loads(stored) == expected
    supervisor = InProcessDevice(in_process_app, seed, "p-sup")
    page = supervisor.get("/pull?limit=2000").json()
    assert not page["more"]
    records = [c["record"] for c in page["changes"] if c["type"] == "inspection"]
    assert [r["answers"] for r in records if r["id"] == inspection_id] == [expected]


def test_an_answer_out_of_bounds_still_refuses_its_op(api):
    bad: list[dict[str, Any]] = [
        {"item_code": "", "outcome": "pass"},
        {"item_code": "COM-01", "outcome": "pass", "note": "a\x00b"},
        {"item_code": "COM-01", "outcome": "pass", "photos": ["a" * 65]},
        {"item_code": "COM-01"},
        {"item_code": "COM-01", "outcome": 3},
    ]
    ops = []
    for answer in bad:
        payload = api.inspection(findings=0)
        payload["answers"] = [answer]
        ops.append(api.op("inspection.submit", payload))
    results = api.answers(ops)
    assert [r["status"] for r in results] == ["rejected"] * len(bad)
    assert all("answers.0" in r["reason"] for r in results), results


def test_a_push_of_a_hundred_inspections_leaves_the_collector_alone(api):
    ops = [api.op("inspection.submit", api.inspection()) for _ in range(100)]
    for op in ops:  # as the benchmark's: 20 answers each
        op["payload"]["answers"] = [
            {"item_code": f"COM-{n:02d}", "outcome": "pass", "value": "", "note": "",
             "photos": []}
            for n in range(20)
        ]  # fmt: skip
    api.answers(ops[:1])  # the first request of the app's life builds what it keeps
    collections: list[int] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    before = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *before[1:])  # as the server sets it
    gc.collect()  # the count of objects made starts at 0
    gc.callbacks.append(note)
    try:
        results = api.answers(ops[1:])
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*before)
    assert {r["status"] for r in results} == {"applied"}
    assert collections == []
