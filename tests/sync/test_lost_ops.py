"""Nothing is marked sent until the server's answer for that op is in hand (invariant 2),
against a real server with the network between them misbehaving: a push whose answer is
lost, and a 200 answer that leaves an op out. Each op stays pending, and the next sync
gets it answered (as a duplicate when the server had applied it) — applied once."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
from sync_world import inspection_submit, server_count

from sync.server.models import AppliedOp, Inspection

Tamper = Callable[[httpx.Request, httpx.Response], httpx.Response]


class Network(httpx.BaseTransport):
    """The real network to the live server, with an optional fault on POST /push."""

    def __init__(self) -> None:
        self.real = httpx.HTTPTransport()
        self.on_push: Tamper | None = None
        self.pushes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.real.handle_request(request)
        if request.method == "POST" and request.url.path.endswith("/push"):
            self.pushes += 1
            if self.on_push is not None:
                response.read()
                return self.on_push(request, response)
        return response

    def close(self) -> None:
        self.real.close()


def answer_lost(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    """The server applied the batch; the connection dropped before its answer arrived."""
    raise httpx.ReadError("connection reset by peer", request=request)


def leave_out(op_id: str) -> Tamper:
    def tamper(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        body = response.json()
        body["results"] = [r for r in body["results"] if r["op_id"] != op_id]
        return httpx.Response(200, json=body, request=request)

    return tamper


def _queue(device, seed, count: int) -> list[str]:
    venue = seed.venues["DM-0001"]
    return [
        device.enqueue("inspection.submit", inspection_submit(venue, "p-insp"))
        for _ in range(count)
    ]


def test_a_network_drop_mid_push_leaves_every_op_pending(make_device, seed):
    device = make_device("a").enroll("p-insp")
    ops = _queue(device, seed, 3)
    network = Network()
    network.on_push = answer_lost
    with device.client(transport=network, max_retries=2) as client:
        dropped = client.sync_once()
    assert network.pushes == 3  # the first try and two retries, each answer lost
    assert dropped.errors and "cannot reach the server" in dropped.errors[0]
    assert dropped.pushed == 0 and dropped.pending == 3 and not dropped.ok
    rows = device.outbox()
    for op in ops:
        assert rows[op].state == "pending", "an op whose answer never came is not sent"
        assert rows[op].acked_at is None
        assert rows[op].attempts == 1 and "cannot reach the server" in rows[op].last_error
    assert server_count(Inspection) == 3  # the server did apply them

    network.on_push = None  # the network is back
    with device.client(transport=network) as client:
        again = client.sync_once()
    assert again.ok and again.pushed == 3, again
    assert {device.outbox()[op].state for op in ops} == {"acked"}
    assert {device.outbox()[op].last_error for op in ops} == {""}, "the drop is behind them"
    assert server_count(AppliedOp) == 3 and server_count(Inspection) == 3  # once each


def test_an_op_left_out_of_a_200_answer_stays_pending(make_device, seed):
    device = make_device("a").enroll("p-insp")
    ops = _queue(device, seed, 4)
    network = Network()
    network.on_push = leave_out(ops[2])
    with device.client(transport=network) as client:
        partial = client.sync_once()
    rows = device.outbox()
    assert [rows[op].state for op in ops] == ["acked", "acked", "pending", "acked"]
    assert rows[ops[2]].acked_at is None and rows[ops[2]].attempts == 1
    assert rows[ops[2]].last_error == "the server did not answer this op"
    assert partial.pushed == 3 and partial.pending == 1 and not partial.ok

    network.on_push = None
    with device.client(transport=network) as client:
        again = client.sync_once()
    assert again.ok and again.pushed == 1, again  # answered as a duplicate this time
    assert device.outbox()[ops[2]].state == "acked"
    assert server_count(AppliedOp) == 4 and server_count(Inspection) == 4


def test_a_200_answer_with_no_results_acks_nothing(make_device, seed):
    device = make_device("a").enroll("p-insp")
    ops = _queue(device, seed, 2)
    network = Network()

    def empty(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        body = json.loads(response.content)
        return httpx.Response(200, json={**body, "results": []}, request=request)

    network.on_push = empty
    with device.client(transport=network) as client:
        result = client.sync_once()
    assert result.pushed == 0 and result.pending == 2
    assert {device.outbox()[op].state for op in ops} == {"pending"}
