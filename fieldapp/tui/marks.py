"""Start-up marks for the cold-start benchmark: when each step was reached.

bench/bench_cold_start.py names a file in FIELDAPP_BENCH_MARKS; the app notes the wall-
clock time of each step (imported, data, ready) and writes them there as it exits. Without
that variable nothing is noted. No Textual and nothing of ours: the start-up imports it
first.
"""

from __future__ import annotations

import json
import os
import time

MARKS_ENV = "FIELDAPP_BENCH_MARKS"
_marks: dict[str, float] = {}


def mark(step: str) -> None:
    """Note when a start-up step was reached (only under the cold-start benchmark)."""
    if MARKS_ENV in os.environ:
        _marks.setdefault(step, time.time())


def write_marks() -> None:
    path = os.environ.get(MARKS_ENV)
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(_marks, handle)
