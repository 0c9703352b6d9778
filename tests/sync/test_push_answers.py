"""What a sync tells the inspector about the ops it sent, and when it tries again, against a
real server: a refused op is listed with its number, its type and the server's reason (a
refusal that came without a reason says so); after a failed sync the next try is offered
in 1, 2, 4 … seconds, and back at 1 after a sync that worked."""

from __future__ import annotations

import random

import httpx
from sync_world import inspection_submit, server_count
from test_lost_ops import Network

from fieldapp.services.syncing.runs import sync_status
from sync.client.base import Backoff, RejectedOp, UnreadableAnswer
from sync.server.models import AppliedOp, Inspection


def test_a_refused_op_is_listed_with_its_number_type_and_reason(make_device, seed):
    device = make_device("a").enroll("p-insp")
    fine = device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    elsewhere = device.enqueue(
        "inspection.submit", inspection_submit(seed.venues["YM-0001"], "p-insp")
    )
    with device.client() as client:
        result = client.sync_once()
    rows = device.outbox()
    assert rows[fine].state == "acked" and rows[elsewhere].state == "rejected"
    reason = rows[elsewhere].last_error
    assert "V2" in reason and "not among the grids" in reason
    # With its code and parameters, for the device to say it in its person's language.
    coded = ("outside_grid", {"grid": "V2", "grid_name": "芸美村", "person": "张三"})
    assert result.rejected == [
        RejectedOp(elsewhere, rows[elsewhere].seq, "inspection.submit", reason, *coded)
    ]
    assert rows[elsewhere].seq == rows[fine].seq + 1 and result.pushed == 1


def test_a_refusal_that_came_without_a_reason_says_it_was_refused(make_device, seed):
    device = make_device("a").enroll("p-insp")
    op = device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    network = Network()

    def reasonless(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        results = [{"op_id": r["op_id"], "status": "rejected"} for r in response.json()["results"]]
        return httpx.Response(200, json={**response.json(), "results": results}, request=request)

    network.on_push = reasonless
    with device.client(transport=network) as client:
        result = client.sync_once()
    assert device.outbox()[op].state == "rejected"
    assert device.outbox()[op].last_error == "refused by the server"
    assert [r.reason for r in result.rejected] == ["refused by the server"]


class Ceiling(random.Random):
    """Full jitter that always draws its highest value: the wait a user is told is the cap
    of the attempt's window."""

    def uniform(self, a: float, b: float) -> float:
        return b


class Switchable(Network):
    """The real network to the server, or none at all."""

    def __init__(self) -> None:
        super().__init__()
        self.down = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("network is unreachable", request=request)
        return super().handle_request(request)


def test_the_next_try_waits_longer_after_each_failed_sync_and_starts_over(make_device, seed):
    device = make_device("a").enroll("p-insp")
    device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    network = Switchable()
    network.down = True
    with device.client(transport=network, max_retries=0, backoff=Backoff(rng=Ceiling())) as client:
        failed = [client.sync_once() for _ in range(4)]
        assert [result.retry_in for result in failed] == [1.0, 2.0, 4.0, 8.0]
        assert failed[0].errors == [
            "cannot reach the server (ConnectError: network is unreachable)"
        ]
        network.down = False
        worked = client.sync_once()
        assert worked.ok and worked.retry_in is None and worked.pushed == 1
        network.down = True
        assert client.sync_once().retry_in == 1.0


def queue_inspections(device, seed, count: int) -> str:  # noqa: ANN001
    """`count` inspections of one venue waiting to be sent; that venue's id."""
    venue = seed.venues["DM-0001"]
    for _ in range(count):
        device.enqueue("inspection.submit", inspection_submit(venue, "p-insp"))
    return venue


def test_the_push_counts_up_to_what_was_waiting(make_device, seed):
    device = make_device("a").enroll("p-insp")
    queue_inspections(device, seed, 5)
    shown: list[tuple[int, int]] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "push":
            shown.append((done, total))

    with device.client(batch_size=2) as client:
        result = client.sync_once(progress)
    assert result.ok and result.pushed == 5
    assert shown == [(2, 5), (4, 5), (5, 5)]


def test_an_answer_given_while_the_push_runs_goes_too_and_the_count_never_overshoots(
    make_device, seed
):
    device = make_device("a").enroll("p-insp")
    venue = queue_inspections(device, seed, 5)
    shown: list[tuple[int, int]] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "push" and not shown:  # the inspector submits another meanwhile
            device.enqueue("inspection.submit", inspection_submit(venue, "p-insp"))
        if phase == "push":
            shown.append((done, total))

    with device.client(batch_size=2) as client:
        result = client.sync_once(progress)
    assert result.ok and result.pushed == 6 and server_count(Inspection) == 6
    assert shown == [(2, 5), (4, 5), (5, 6)]  # never "6 of 5"


def test_a_busy_server_is_waited_for_as_it_asks_but_never_over_five_minutes(make_device, seed):
    device = make_device("a").enroll("p-insp")
    op = device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    busy = iter(
        [
            httpx.Response(503, headers={"retry-after": "3600"}, json={"message": "busy"}),
            httpx.ReadError("connection reset by peer"),
            httpx.Response(500, json={"message": "internal error"}),
        ]
    )

    def answer(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        instead = next(busy, response)
        if isinstance(instead, Exception):
            raise instead
        return instead

    network = Network()
    network.on_push = answer
    sleeps: list[float] = []
    with device.client(
        transport=network, sleep=sleeps.append, backoff=Backoff(rng=Ceiling())
    ) as client:
        result = client.sync_once()
    # The hour asked for, capped; then the backoff's 2nd and 3rd steps (the drop and the
    # 500 ask for no wait of their own).
    assert sleeps == [300.0, 2.0, 4.0]
    assert result.ok and result.pushed == 1 and device.outbox()[op].state == "acked"
    assert server_count(Inspection) == 1 and server_count(AppliedOp) == 1


def test_a_push_restarts_once_for_a_new_epoch_however_often_it_changes(make_device, seed):
    device = make_device("a").enroll("p-insp")
    queue_inspections(device, seed, 3)
    network = Network()

    def restored_again(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        """A server restored before every answer (a broken backup loop)."""
        if network.pushes > 10:
            raise AssertionError("the push went round in circles")
        epoch = f"restored-{network.pushes}"
        return httpx.Response(200, json={**response.json(), "epoch": epoch}, request=request)

    network.on_push = restored_again
    with device.client(transport=network, batch_size=2) as client:
        result = client.push()
    # The first batch, then (restarted once, at its answer) all three again in two batches.
    assert result.new_epoch and network.pushes == 3 and result.pushed == 5
    # The last answers came from yet another epoch: the ops wait to be sent again, and
    # the next sync, the server settled, answers them as duplicates.
    assert {row.state for row in device.outbox().values()} == {"pending"}
    network.on_push = None
    with device.client(transport=network) as client:
        assert client.sync_once().pushed == 3
    assert {row.state for row in device.outbox().values()} == {"acked"}
    assert server_count(Inspection) == 3


def test_the_sync_screen_keeps_the_last_good_sync_and_says_what_went_wrong(make_device, seed):
    device = make_device("a").enroll("p-insp")
    network = Switchable()
    with device.client(transport=network, max_retries=0) as client:
        assert client.sync_once().ok
        good = sync_status()
        assert good.last_error == "" and good.last_sync_at
        device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
        network.down = True
        assert not client.sync_once().ok
        down = sync_status()
        assert down.last_error == "cannot reach the server (ConnectError: network is unreachable)"
        assert down.last_sync_at == good.last_sync_at and down.pending == 1
        network.down = False
        assert client.sync_once().ok
        back = sync_status()
        assert back.last_error == "" and back.last_sync_at >= good.last_sync_at
        assert back.pending == 0


def test_an_answer_that_is_not_json_is_said_so_and_tried_again_later(make_device, seed):
    device = make_device("a").enroll("p-insp")
    op = device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    network = Network()
    network.on_push = lambda request, _response: httpx.Response(
        200, content=b"<html>captive portal</html>", request=request
    )
    with device.client(transport=network) as client:
        result = client.sync_once()
    assert len(result.errors) == 1
    assert result.errors[0] == str(UnreadableAnswer(client.base_url))  # no parser's internals
    assert result.retry_in is not None and device.outbox()[op].state == "pending"
    assert sync_status().last_error == result.errors[0]


class Answering(Network):
    """The real network, but one path is answered by something else on the way (a
    firewall, a proxy) before it reaches the server."""

    def __init__(self, path: str, answer: httpx.Response) -> None:
        super().__init__()
        self.path, self.answer = path, answer

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(self.path):
            return httpx.Response(
                self.answer.status_code, content=self.answer.content, request=request
            )
        return super().handle_request(request)


def test_a_refused_health_check_or_personal_key_says_who_refused_and_why(make_device, seed):
    device = make_device("a").enroll("p-insp")
    firewall = httpx.Response(403, text="blocked by the town's firewall")
    with device.client(transport=Answering("/health", firewall)) as client:
        said = client.sync_once().errors
        assert said == [
            f"{client.base_url} answers, but is not a fieldapp server "
            "(HTTP 403: blocked by the town's firewall): check the address"
        ]
    refused = httpx.Response(403, json={"message": "not for this device"})
    with device.client(transport=Answering("/personal-key", refused)) as client:
        assert client.sync_once().errors == ["personal-data key refused: not for this device"]


def test_a_server_that_stays_busy_is_named_and_the_next_try_put_off(make_device, seed):
    """Three busy answers to the push in one sync (the health check went through): the
    next try is offered after the third step of the backoff, 4 s."""
    device = make_device("a").enroll("p-insp")
    op = device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    busy = httpx.Response(503, json={"message": "the server is being upgraded"})
    backoff = Backoff(rng=Ceiling())
    with device.client(transport=Answering("/push", busy), max_retries=2, backoff=backoff) as c:
        result = c.sync_once()
    assert result.errors == ["server answered 503: the server is being upgraded"]
    assert result.retry_in == 4.0 and device.outbox()[op].state == "pending"
    assert sync_status().last_error == "server answered 503: the server is being upgraded"


def test_a_refused_pull_says_so_with_the_reason_and_keeps_the_push(make_device, seed):
    device = make_device("a").enroll("p-insp")
    op = device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    refused = httpx.Response(403, json={"message": "outside the office's hours"})
    with device.client(transport=Answering("/pull", refused)) as client:
        result = client.sync_once()
    assert result.errors == ["pull refused: outside the office's hours"]
    assert device.outbox()[op].state == "acked" and result.pushed == 1  # sent before the pull
    assert sync_status().last_error == "pull refused: outside the office's hours"
