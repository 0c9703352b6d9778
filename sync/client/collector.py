"""The cyclic garbage collector held while one pulled page is decoded and applied.

A page of 500 inspections decodes into ~25,000 dicts and lists that die with the page and
hold no cycles: reference counts free them. While they are alive the collector was
started ~400 times a pull, each time walking them all for nothing: 10–20 % of a pull
(`bench/bench_sync_pouchdb.py`, timed with `gc.callbacks`). It resumes after the page, so
what a page leaves behind is collected as before; a page's size is bounded by the pull's
page size, and so is what waits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_held() -> Iterator[None]:
    """No cyclic collection inside; the collector's state before is restored after (one
    already off, as at the app's start-up, stays off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
