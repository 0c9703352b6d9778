"""On PostgreSQL a group commit writes its pushes' rows, and moves their venues' last
inspection, at its end: one COPY a table for the group, and the venues' row locks held
only from there to the COMMIT. Neither may cost a record or let one in twice."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sync_world import InProcessDevice

from sync.protocol import OP_INSPECTION_SUBMIT
from sync.server import db as server_db
from sync.server.group_commit import LEADERS_ENV, PUSHES
from sync.server.models import AppliedOp, ChangeLog, Inspection, Venue
from sync.server.routes import push as push_route


def _pushing(api: InProcessDevice, ops: list[dict[str, Any]], out: dict[str, Any], name: str):
    def push() -> None:
        try:
            out[name] = [answer["status"] for answer in api.answers(ops)]
        except BaseException as error:  # handed back to the test
            out[name] = error

    return threading.Thread(target=push)


def test_a_batch_sent_again_into_the_same_group_is_applied_once(api):
    """A device whose first send is still in its group sends the batch again (its answer
    timed out): both land in one group, where the second cannot see the first's held
    rows. The database refuses the ledger row twice; the group runs again, each push
    writing its own rows, and the second send is answered `duplicate`."""
    if not server_db.is_postgres():
        pytest.skip("PostgreSQL only")
    ops = [api.op(OP_INSPECTION_SUBMIT, api.inspection()) for _ in range(2)]
    out: dict[str, Any] = {}
    sends = [_pushing(api, ops, out, name) for name in ("first", "again")]
    with PUSHES.held():  # both queue, then one leader takes them as one group
        for send in sends:
            send.start()
        while len(PUSHES._queue) < 2:
            threading.Event().wait(0.01)
    for send in sends:
        send.join(30)
    assert sorted(map(tuple, out.values())) == [
        ("applied", "applied"),
        ("duplicate", "duplicate"),
    ], out
    ids = [op["payload"]["inspection"]["id"] for op in ops]
    with server_db.current().connection_context():
        assert Inspection.select().where(Inspection.id.in_(ids)).count() == 2
        assert (
            AppliedOp.select().where(AppliedOp.op_id.in_([op["op_id"] for op in ops])).count() == 2
        )


def test_a_push_on_a_venue_another_open_group_inspected_commits_without_waiting(
    api: InProcessDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two groups led at once inspect the same venue. The first is held open after its
    work; the second commits meanwhile (the first locks the venue only at its end, where
    it locked it at its start and the second waited for all of it). Then the first
    commits, and the venue's last inspection is the later of the two, in its row and in
    the feed."""
    if not server_db.is_postgres():
        pytest.skip("PostgreSQL only")
    monkeypatch.setenv(LEADERS_ENV, "2")  # two groups at once, whatever the CPUs
    later = api.op(OP_INSPECTION_SUBMIT, api.inspection(at="2026-06-10T05:00:00.000Z"))
    earlier = api.op(OP_INSPECTION_SUBMIT, api.inspection(at="2026-06-10T04:00:00.000Z"))
    first_done, release = threading.Event(), threading.Event()
    real: Callable[..., Any] = push_route.apply_ops

    def held_open(who: Any, ops: list[Any], **options: Any) -> Any:
        results = real(who, ops, **options)
        if ops[0].op_id == later["op_id"]:  # the first group: its work done, kept open
            first_done.set()
            release.wait(30)
        return results

    monkeypatch.setattr(push_route, "apply_ops", held_open)
    out: dict[str, Any] = {}
    first = _pushing(api, [later, api.op(OP_INSPECTION_SUBMIT, api.inspection())], out, "first")
    first.start()
    try:
        assert first_done.wait(20)
        second = _pushing(api, [earlier, api.op(OP_INSPECTION_SUBMIT, api.inspection())], out, "2")
        second.start()
        second.join(15)
        assert out.get("2") == ["applied", "applied"], "the second group waited for the first"
        assert "first" not in out  # still open
    finally:
        release.set()
        first.join(30)
    assert out["first"] == ["applied", "applied"]
    venue_id = api.seed.venues["DM-0001"]
    with server_db.current().connection_context():
        assert Venue.get_by_id(venue_id).last_inspected_at == "2026-06-10T05:00:00.000Z"
        fed = (
            ChangeLog.select()
            .where(ChangeLog.type == "venue", ChangeLog.record_id == venue_id)
            .order_by(ChangeLog.seq.desc())
            .first()
        )
    assert fed is not None and '"last_inspected_at":"2026-06-10T05:00:00.000Z"' in fed.payload
