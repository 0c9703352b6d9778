"""mutmut's statistics across the server subprocess (used by mutation_run.py only).

`export_at_exit` runs from a `sitecustomize` in the mutation copy: in a `python -m
sync.server` started while mutmut collects which tests call which functions, it writes the
mutated functions that process ran to a file when the server stops. The pytest plugin
(`-p mutation_hits`) files those under the test whose fixtures started and stopped it, as
mutmut does for the calls it sees in its own process. It also stops hypothesis from
shrinking a failure (see pytest_configure)."""

from __future__ import annotations

import atexit
import json
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HITS_DIR = "FIELDAPP_MUTATION_HITS"


def _collecting() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats"


def export_at_exit() -> None:
    where = os.environ.get(HITS_DIR)
    if not where or not _collecting():
        return
    import mutmut
    from mutmut.__main__ import ensure_config_loaded

    ensure_config_loaded()  # the trampoline reads it; the server's cwd is the copy

    def write() -> None:
        if mutmut._stats:
            Path(where, f"{os.getpid()}.json").write_text(json.dumps(sorted(mutmut._stats)))
            mutmut._stats.clear()

    def on_term(signum: int, frame: Any) -> None:
        # uvicorn shuts down on SIGTERM, then raises it again with the handler it found at
        # start (this one), so the process ends by the signal and atexit never runs.
        write()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    atexit.register(write)
    signal.signal(signal.SIGTERM, on_term)


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault(HITS_DIR, tempfile.mkdtemp(prefix="mutation-hits-"))
    # A property test that a mutant breaks fails at its first failing example: shrinking
    # it would take longer than mutmut waits, and turn a kill into a timeout.
    from hypothesis import Phase, settings

    settings.register_profile("mutation", phases=[Phase.explicit, Phase.reuse, Phase.generate])
    settings.load_profile("mutation")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: Any) -> Iterator[None]:
    yield  # the test's fixtures are finalised: its servers have stopped and written
    if not _collecting():
        return
    import mutmut

    test = item.nodeid.removeprefix("mutants/")
    for hits in Path(os.environ[HITS_DIR]).glob("*.json"):
        for function in json.loads(hits.read_text()):
            mutmut.tests_by_mangled_function_name[function].add(test)
        hits.unlink()
