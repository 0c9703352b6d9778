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
    `hold_collector` (apps made by the tests leave the collector as it is)."""
    global _collector_held
    if _collector_held:
        _collector_held = False
        gc.freeze()
        gc.enable()
