"""The cyclic garbage collector at start-up: held by `startup.run_tui` before the first
import, released by the app after its first frame. No Textual and nothing of ours."""

from __future__ import annotations

import gc

_collector_held = False


def hold_collector() -> None:
    """No cyclic garbage collection until the first frame. Start-up makes ~130,000 objects
    that live as long as the app (modules, classes, styles, widgets); while they are being
    made the collector scanned them over and over: ~175 collections, ~90 ms of CPU in a
    launch (one full pass ~40 ms), where a bare Textual app spends ~20."""
    global _collector_held
    if gc.isenabled():
        gc.disable()
        _collector_held = True


def release_collector() -> None:
    """After the first frame: what start-up made is set aside for good (`gc.freeze`: never
    scanned again; the few thousand cyclic leftovers of start-up, ~4,000 objects, stay
    with it) and collection resumes for everything made after. Only undoes
    `hold_collector` (apps made by the tests leave the collector as it is).

    The thresholds stay Python's (700, 10, 10). A larger young threshold once the heap is
    frozen was measured (`bench/bench_answer.py`, which starts the app this way; load
    3.5–4.3 on 2 CPUs, settings alternated, 2 runs each). At 700 the collector takes
    ~1–2 ms an answer on average: 2.4 young collections of ~0.2 ms, a middle one every
    ~5 answers, and about once in 150 answers a full one over the ~40,000–100,000
    objects made after the first frame (80–110 ms wall under that load). At 20,000 the
    young ones nearly leave the answers, but each scans ~20,000 objects (25–33 ms, about
    every 20 answers): median 12.2 and 11.4 ms against 12.5 and 11.8 (5,000: the same as
    700), p90 20–24 against 24–28 ms, inside the spread of runs of one setting (24–30 at
    700; the p90 is the answers whose next item shows a value field). Over 2,000
    answers in one app, resident memory went 81 → 123 MiB and still rose (cyclic garbage
    waits longer) against 80 → 93 MiB, flat after ~500 answers, at 700. Not a clear win,
    so not kept."""
    global _collector_held
    if _collector_held:
        _collector_held = False
        gc.freeze()
        gc.enable()
