"""A batch the server refuses as a whole (a 422 for one op's envelope) is sent again op by
op, against a real server: the good ops are applied, only the bad one is refused with the
server's reason, and a restore of the server that the op-by-op answers reveal (a new
epoch) is heeded as it would be in a batch's answer."""

from __future__ import annotations

import httpx
from sync_world import inspection_submit, server_count
from test_lost_ops import Network

from fieldapp.store.models import SyncState
from sync.server.models import Inspection

BEYOND_THE_WIRE = 2**31  # an op number the protocol refuses (its bound is 2**31 - 1)


def test_a_batch_of_two_refused_whole_is_sent_op_by_op(make_device, seed):
    device = make_device("a").enroll("p-insp")
    good = device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    bad = device.enqueue(
        "inspection.submit",
        inspection_submit(seed.venues["DM-0002"], "p-insp"),
        seq=BEYOND_THE_WIRE,
    )
    network = Network()
    with device.client(transport=network) as client:
        result = client.sync_once()
    assert network.pushes == 3  # the batch of two, then each op alone
    rows = device.outbox()
    assert rows[good].state == "acked" and result.pushed == 1
    assert rows[bad].state == "rejected" and "seq" in rows[bad].last_error
    assert "(422)" in rows[bad].last_error
    assert [r.op_id for r in result.rejected] == [bad]
    assert server_count(Inspection) == 1


def test_a_restore_seen_in_the_op_by_op_answers_sends_everything_again(make_device, seed):
    device = make_device("a").enroll("p-insp")
    earlier = device.enqueue(
        "inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp")
    )
    with device.client() as client:
        assert client.sync_once().ok
    device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0002"], "p-insp"))
    device.enqueue(
        "inspection.submit",
        inspection_submit(seed.venues["DM-0002"], "p-insp"),
        seq=BEYOND_THE_WIRE,
    )

    def restored(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        """The server was restored from a backup between the health check and the push."""
        if response.status_code != 200:
            return httpx.Response(response.status_code, content=response.content, request=request)
        return httpx.Response(200, json={**response.json(), "epoch": "restored"}, request=request)

    network = Network()
    network.on_push = restored
    shown: list[tuple[int, int]] = []
    with device.client(transport=network) as client:
        result = client.push(lambda _phase, done, total: shown.append((done, total)))
    assert result.new_epoch and SyncState.get_by_id(1).server_epoch == "restored"
    # The count starts again from what is left after the restore: the earlier op and the
    # new one (the bad one stays refused).
    assert shown == [(2, 2), (4, 4)]
    assert device.outbox()[earlier].state == "acked"
    # The new op, then (the restore noticed in its answer) it and the earlier one again.
    assert result.pushed == 3
    assert len(result.rejected) == 1
