"""A pull that cannot settle stops and says so, against a real server whose answers the
network rewrites: an epoch that changes on every page (a server restored again and again)
and a scope reset on every page end the sync with a message to try again later, instead
of pulling in a circle; one change of epoch is followed, and the pull completes. A page
asked for ahead (while the one before is applied) is used, never asked for twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from fieldapp.store.models import SyncState, Venue

Rewrite = Callable[[dict[str, Any]], dict[str, Any]]


class PullNetwork(httpx.BaseTransport):
    """The real network to the live server; each pull's answer passes through `rewrite`."""

    def __init__(self, rewrite: Rewrite) -> None:
        self.real = httpx.HTTPTransport()
        self.rewrite = rewrite
        self.pulls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.real.handle_request(request)
        if request.method != "GET" or not request.url.path.endswith("/pull"):
            return response
        response.read()
        self.pulls += 1
        if response.status_code != 200:
            return response
        return httpx.Response(200, json=self.rewrite(response.json()), request=request)

    def close(self) -> None:
        self.real.close()


def test_an_epoch_that_changes_on_every_page_stops_the_sync(make_device, seed):
    device = make_device("a").enroll("p-insp")
    network = PullNetwork(lambda page: {**page, "epoch": f"restored-{network.pulls}"})
    with device.client(transport=network) as client:
        result = client.sync_once()
    assert result.errors == ["the server's epoch keeps changing; try again later"]
    assert result.new_epoch and not result.ok and result.retry_in is not None
    assert network.pulls == 2  # started again once, then gave up
    assert Venue.select().count() == 0  # nothing applied from pages read against either


def test_one_new_epoch_in_a_pull_starts_it_again_and_it_completes(make_device, seed):
    device = make_device("a").enroll("p-insp")
    network = PullNetwork(lambda page: {**page, "epoch": "restored"})
    with device.client(transport=network, page_size=2) as client:
        result = client.sync_once()
    assert result.ok and result.new_epoch, result
    assert SyncState.get_by_id(1).server_epoch == "restored"
    assert {v.code for v in Venue.select()} == {"DM-0001", "DM-0002"}


def test_a_reset_on_every_page_stops_the_sync(make_device, seed):
    device = make_device("a").enroll("p-insp")

    def reset(page: dict[str, Any]) -> dict[str, Any]:
        return {**page, "changes": [], "cursor": "0", "more": True, "reset": True}

    network = PullNetwork(reset)
    with device.client(transport=network) as client:
        result = client.sync_once()
    assert result.errors == ["the server keeps restarting the pull; try again later"]
    assert result.rescoped and not result.ok
    assert network.pulls == 3  # two restarts from the beginning, then gave up
    assert SyncState.get_by_id(1).pull_cursor == ""


def test_each_page_is_asked_for_once_the_next_one_while_this_one_is_applied(make_device, seed):
    device = make_device("a").enroll("p-insp")
    network = PullNetwork(lambda page: page)
    pages: list[int] = []
    totals: list[int] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "pull":  # once a page, after it committed
            pages.append(done)
            totals.append(total)

    with device.client(transport=network, page_size=2) as client:
        result = client.sync_once(progress)
    assert result.ok and len(pages) >= 3
    assert network.pulls == len(pages)
    assert {v.code for v in Venue.select()} == {"DM-0001", "DM-0002"}
    # The sync screen's count goes up page by page to all that came, as in one page.
    assert pages == sorted(set(pages)) and result.pulled == pages[-1]
    # The bar's end: a page more while more come, then exactly what came.
    assert [t - d for d, t in zip(pages, totals, strict=True)] == [2] * (len(pages) - 1) + [0]
    with make_device("b").enroll("p-insp").client() as one_page:
        assert one_page.sync_once().pulled == result.pulled
