"""On PostgreSQL a push reads the venues its inspections name before it joins a group, in
its own request: the group's leader, which runs its pushes' works one after the other,
reads none of them (a round trip and a scope query a push, a third of its time)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sync_world import InProcessDevice, inspection_submit

from sync.protocol import OP_INSPECTION_SUBMIT
from sync.server import db as server_db
from sync.server import inspections, venues_ahead
from sync.server.bulk import rows_are_held
from sync.server.group_commit import PUSHES
from sync.server.models import Inspection


def test_queued_pushes_have_read_their_venues_and_their_group_reads_none(
    api: InProcessDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not server_db.is_postgres():
        pytest.skip("PostgreSQL only: SQLite's one writer reads its venues in its group")
    reads: list[str] = []  # where each venue read was made: "ahead" or "in a group"
    for module in (venues_ahead, inspections):
        real = module.venue_records_for

        def counted(who: Any, venue_ids: Any, real: Any = real) -> Any:
            reads.append("in a group" if rows_are_held() else "ahead")
            return real(who, venue_ids)

        monkeypatch.setattr(module, "venue_records_for", counted)
    together = venues_ahead.device_and_venue_records  # with the token, in one statement

    def counted_together(*args: Any) -> Any:
        reads.append("in a group" if rows_are_held() else "ahead")
        return together(*args)

    monkeypatch.setattr(venues_ahead, "device_and_venue_records", counted_together)
    batches = [[api.op(OP_INSPECTION_SUBMIT, api.inspection()) for _ in range(2)] for _ in "ab"]
    out: dict[int, Any] = {}

    def push(n: int) -> None:
        out[n] = [answer["status"] for answer in api.answers(batches[n])]

    sends = [threading.Thread(target=push, args=(n,)) for n in range(2)]
    with PUSHES.held():  # both queue, then one leader takes them as one group
        for send in sends:
            send.start()
        while len(PUSHES._queue) < 2:
            threading.Event().wait(0.01)
        assert reads == ["ahead", "ahead"]  # each read its venues before its group
    for send in sends:
        send.join(30)
    assert out == {0: ["applied", "applied"], 1: ["applied", "applied"]}
    assert reads == ["ahead", "ahead"]  # and the group read none again
    ids = [op["payload"]["inspection"]["id"] for batch in batches for op in batch]
    with server_db.current().connection_context():
        assert Inspection.select().where(Inspection.id.in_(ids)).count() == 4


def test_a_venue_outside_the_grid_read_ahead_is_still_refused(
    api: InProcessDevice,
) -> None:
    """The scope read with the venues ahead of the group still decides: an inspection of
    a venue in another grid is refused, the batch's other inspection applied."""
    outside = inspection_submit(api.seed.venues["YM-0001"], api.person_id)  # grid V2
    refused = api.op(OP_INSPECTION_SUBMIT, outside)
    applied = api.op(OP_INSPECTION_SUBMIT, api.inspection())
    answers = api.answers([refused, applied])
    assert [a["status"] for a in answers] == ["rejected", "applied"], answers
