"""A pulled page is freed as soon as it is applied, not left for the cyclic collector:
a page of 500 inspections is ~25,000 objects, and while one waited for a collection the
collector walked it again and again (10–20 % of a pull). The collector is held while a
page is read and applied and is on again after the pull."""

from __future__ import annotations

import gc

from fieldapp.store.models import Venue
from sync.protocol import Change


def changes_alive() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, Change))


def test_a_pulled_page_is_freed_without_the_collector(make_device, seed):
    device = make_device("a").enroll("p-insp")
    gc.collect()
    gc.disable()  # only reference counts free what the pull made
    try:
        with device.client(page_size=1) as client:
            result = client.sync_once()
        assert result.ok, result
        assert Venue.select().count() == 2
        assert changes_alive() == 0
    finally:
        gc.enable()


def test_the_collector_is_on_again_after_a_pull(make_device, seed):
    device = make_device("a").enroll("p-insp")
    with device.client() as client:
        assert client.sync_once().ok
    assert gc.isenabled()
