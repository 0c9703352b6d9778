"""A supervisor's review of a submitted inspection reaches the server and its inspector.

The supervisor returns an inspection with a comment (the review screen's `t`): the device
queues an `inspection.review` op, the server applies it (once: a second push of the same
op is a duplicate) and publishes it; the inspector's device pulls it and its own copy of
the inspection shows it returned with the comment. Only a supervisor of the grid may
review. A real server on loopback, real store files (SQLite and PostgreSQL servers); the
last test applies pulled reviews to a store directly, as the pull does.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from inspect_support import answer_every_item
from live_server import forget_schema
from rounds_support import add_venue
from sync_world import Device, LiveServer, inspection_submit, server_count
from test_pull_apply import pull
from test_pull_inspection_rows import inspection

from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.inspection import history, inspections
from fieldapp.services.review import inspections as review
from fieldapp.store.models import Inspection as LocalInspection
from fieldapp.store.models import Outbox
from fieldapp.tui.screens.inspection_record import meta_lines
from sync.protocol import API_PREFIX
from sync.server import db as server_db
from sync.server.review_models import InspectionReview

COMMENT = "灭火器照片不清楚，请重新拍摄"
STAMP = "2026-06-10T05:00:00.000Z"


def _synced(device: Device) -> Any:
    with device.client() as client:
        result = client.sync_once()
    assert result.ok, result
    return result


def _inspect(venue_id: str) -> str:
    """A whole inspection made and submitted on the open device."""
    inspection_id = inspections.start_inspection(venue_id, reason="placard_missing")
    answer_every_item(inspection_id)
    inspections.submit(inspection_id, "店主")
    return inspection_id


def _inspector_with_a_submitted_inspection(make_device: Any, seed: Any) -> tuple[Device, str]:
    inspector = make_device("inspector").enroll("p-insp")
    _synced(inspector)  # venues and checklists
    clear_cache()
    assert load_checklists().ok
    inspection_id = _inspect(seed.venues["DM-0001"])
    _synced(inspector)
    return inspector, inspection_id


def _raw_push(device: Device, op_type: str, payload: dict[str, Any], op_id: str) -> dict[str, Any]:
    answer = httpx.post(
        f"{device.server.url}{API_PREFIX}/push",
        json={"device_id": device.device_id,
              "ops": [{"op_id": op_id, "seq": 1, "type": op_type, "payload": payload}]},
        headers={"Authorization": f"Bearer {device.token}"},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()["results"][0]
    return result


def test_a_returned_inspection_reaches_its_inspector_with_the_comment(make_device, seed):
    inspector, inspection_id = _inspector_with_a_submitted_inspection(make_device, seed)

    supervisor = make_device("supervisor").enroll("p-sup2")
    _synced(supervisor)  # the inspection, for review
    review.return_inspection(inspection_id, COMMENT)
    result = _synced(supervisor)
    assert result.rejected == []
    (op,) = Outbox.select().where(Outbox.type == review.OUTBOX_TYPE)
    assert (op.state, op.last_error) == ("acked", "")
    with server_db.current().connection_context():
        (stored,) = InspectionReview.select()
        assert (stored.state, stored.comment, stored.reviewer) == ("returned", COMMENT, "p-sup2")

    # The same op pushed again is a duplicate: applied once.
    again = _raw_push(supervisor, op.type, json.loads(op.payload), op.op_id)
    assert again["status"] == "duplicate", again
    assert server_count(InspectionReview) == 1

    inspector.open()
    _synced(inspector)
    mine = LocalInspection.get_by_id(inspection_id)
    assert (mine.review_state, mine.review_comment) == ("returned", COMMENT)
    record = history.inspection_record(inspection_id)  # what the record screen shows
    assert (record.review_state, record.review_comment) == ("returned", COMMENT)
    assert COMMENT in " ".join(meta_lines(record))

    # A later review replaces it, on the server's order, on both devices.
    supervisor.open()
    review.mark_reviewed(inspection_id, "已重拍")
    _synced(supervisor)
    inspector.open()
    _synced(inspector)
    mine = LocalInspection.get_by_id(inspection_id)
    assert (mine.review_state, mine.review_comment) == ("reviewed", "已重拍")


def test_an_inspector_may_not_review_and_an_unknown_inspection_says_sync_first(make_device, seed):
    inspector, inspection_id = _inspector_with_a_submitted_inspection(make_device, seed)
    payload = {"inspection_id": inspection_id, "state": "reviewed", "comment": "",
               "reviewer": "p-insp", "at": "2026-06-10T05:00:00.000Z"}  # fmt: skip
    refused = _raw_push(inspector, review.OUTBOX_TYPE, payload, "op-review-by-inspector")
    assert refused["status"] == "rejected"
    assert "inspector may not review inspections" in refused["reason"]
    assert "a supervisor of the grid must do it" in refused["reason"]

    supervisor = make_device("supervisor").enroll("p-sup2")
    bare = {**payload, "state": "returned", "comment": " ", "reviewer": "p-sup2"}
    refused = _raw_push(supervisor, review.OUTBOX_TYPE, bare, "op-review-bare")
    assert (refused["status"], refused["reason_code"]) == ("rejected", "returned_without_comment")
    assert "returns it without a comment" in refused["reason"]  # the English, kept
    unknown = {**payload, "inspection_id": "no-such-inspection", "reviewer": "p-sup2"}
    refused = _raw_push(supervisor, review.OUTBOX_TYPE, unknown, "op-review-unknown")
    assert refused["status"] == "rejected"
    assert "not known to the server; sync first" in refused["reason"]

    # Nor may a supervisor review an inspection outside their grids (p-sup2 has V1 alone).
    elsewhere = inspection_submit(seed.venues["YM-0001"], "p-insp2")
    pushed = _raw_push(make_device("inspector2").enroll("p-insp2"), "inspection.submit",
                       elsewhere, "op-inspection-v2")  # fmt: skip
    assert pushed["status"] == "applied", pushed
    outside = {**unknown, "inspection_id": elsewhere["inspection"]["id"]}
    refused = _raw_push(supervisor.open(), review.OUTBOX_TYPE, outside, "op-review-outside")
    assert refused["status"] == "rejected"
    assert "belongs to grid V2, which is not among the grids of" in refused["reason"]
    assert server_count(InspectionReview) == 0


def test_a_server_upgraded_from_before_reviews_makes_their_table(
    make_device, seed, live_server: LiveServer
):
    inspector = make_device("inspector").enroll("p-insp")
    submitted = inspection_submit(seed.venues["DM-0001"], "p-insp")
    assert _raw_push(inspector, "inspection.submit", submitted, "op-i")["status"] == "applied"
    live_server.stop()
    db = server_db.current()
    with db.connection_context():
        db.execute_sql("DROP TABLE inspection_review")  # as an older server left it
    forget_schema()
    server_db.init_schema()  # as the server does when it starts
    live_server.start()
    payload = {"inspection_id": submitted["inspection"]["id"], "state": "returned",
               "comment": COMMENT, "reviewer": "p-sup", "at": "2026-06-10T05:00:00.000Z"}  # fmt: skip
    supervisor = make_device("supervisor").enroll("p-sup")
    applied = _raw_push(supervisor, review.OUTBOX_TYPE, payload, "op-review")
    assert applied["status"] == "applied", applied
    assert server_count(InspectionReview) == 1


def _review(inspection_id: str, state: str, comment: str, order: int) -> dict[str, Any]:
    """A review as the feed carries it (sync.server.inspection_review.review_record)."""
    return {"id": inspection_id, "venue_id": "v", "inspector_id": "p", "state": state,
            "comment": comment, "reviewer": "p-sup", "reviewer_name": "李四",
            "at": STAMP, "received_at": STAMP, "server_order": order}  # fmt: skip


def test_pulled_reviews_apply_in_feed_order_and_pass_over_inspections_not_held(tree):
    held = add_venue("DM-0101", "small_hotel", "A11")
    warnings = pull(
        ("inspection_review", _review("i-1", "returned", COMMENT, 0)),  # before its record
        ("inspection", inspection("i-1", held)),
        ("inspection_review", _review("i-gone", "returned", COMMENT, 0)),
        ("inspection_review", _review("i-1", "reviewed", "已重拍", 1)),
    )
    assert warnings == []
    mine = LocalInspection.get_by_id("i-1")
    assert (mine.review_state, mine.review_comment) == ("reviewed", "已重拍")
    assert LocalInspection.get_or_none(LocalInspection.id == "i-gone") is None
