"""How much the fault suite and the schema fuzz tried, printed at the end of the run.

The counts are kept in the process that ran the tests; with parallel workers (xdist) each
worker hands its counts to the controller when it finishes, and the controller prints the
sum, so CI output shows the whole run's trials whatever the number of workers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pytest

# backend -> trial kind -> count (test_faults, test_two_servers)
TRIALS: dict[str, Counter[str]] = defaultdict(Counter)

# Schemathesis calls by operation and status class (test_schema_fuzz).
FUZZ_CALLS: Counter[str] = Counter()

WORKER_KEY = "fieldapp_trial_counts"


def as_data() -> dict[str, Any]:
    return {"trials": {b: dict(c) for b, c in TRIALS.items()}, "fuzz": dict(FUZZ_CALLS)}


def merge(data: dict[str, Any]) -> None:
    for backend, counts in data.get("trials", {}).items():
        TRIALS[backend].update(counts)
    FUZZ_CALLS.update(data.get("fuzz", {}))


def summary_lines() -> list[str]:
    lines = [
        f"fault trials [{backend}]: " + " ".join(f"{kind}={n}" for kind, n in counts.items())
        for backend, counts in TRIALS.items()
    ]
    if FUZZ_CALLS:
        calls = " ".join(f"{key}={n}" for key, n in sorted(FUZZ_CALLS.items()))
        lines.append(f"schemathesis calls: {calls}")
    return lines


class FromWorkers:
    """Registered on the xdist controller: adds each finished worker's counts."""

    @pytest.hookimpl
    def pytest_testnodedown(self, node: Any, error: object) -> None:
        merge(getattr(node, "workeroutput", {}).get(WORKER_KEY, {}))


def configure(config: pytest.Config) -> None:
    if config.pluginmanager.hasplugin("xdist") and not hasattr(config, "workerinput"):
        config.pluginmanager.register(FromWorkers(), "fieldapp-trial-counts")


def hand_over(session: pytest.Session) -> None:
    """On an xdist worker: leave this worker's counts for the controller."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output[WORKER_KEY] = as_data()


def print_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in summary_lines():
        terminalreporter.write_line(line)
