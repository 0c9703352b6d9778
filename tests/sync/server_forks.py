"""Starting the sync tests' servers quickly. A fork server imports the server's modules
once; each server is then forked from it, instead of a new interpreter importing FastAPI,
uvicorn and the server again (~0.7 s of CPU each, several hundred times in a run).

The fork server is a fresh interpreter (multiprocessing's "forkserver"), not a copy of the
test process: nothing a test patched reaches a server. Each server gets the environment
it is started with, its own working folder and log file, as `python -m sync.server` in a
subprocess did. `ForkedServer` has the parts of `subprocess.Popen` the tests use."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from multiprocessing.context import ForkServerContext
from pathlib import Path

# What a server imports at start-up, imported once by the fork server.
_PRELOAD = ["sync.server.__main__", "uvicorn", "uvicorn.loops.auto", "uvicorn.protocols.http.auto"]
# Variables the server reads as its modules are imported: a server given one of them is
# started in a new interpreter (LiveServer does that).
READ_AT_IMPORT = ("FIELDAPP_SERVER_TEST_APPEND_DELAY", "FIELDAPP_ALERTS_BACKOFF_BASE")

_context: ForkServerContext | None = None


def _forks() -> ForkServerContext:
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(_PRELOAD)
    return _context


def _serve(argv: list[str], env: dict[str, str], cwd: str, log_path: str) -> None:
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    # Line by line, as a new interpreter's stderr: tests read the access log as it runs.
    sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
    os.environ.clear()
    os.environ.update(env)
    time.tzset()
    os.chdir(cwd)
    from sync.server.__main__ import main

    main(argv)


class ForkedServer:
    """A server forked from the fork server: `pid`, `poll`, `wait`, `send_signal`,
    `terminate` and `kill` as on a `subprocess.Popen`."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path, log_path: Path) -> None:
        self.args = argv
        # daemon: ended with the test process if a test leaves it running
        self._process = _forks().Process(
            target=_serve, args=(argv, env, str(cwd), str(log_path)), daemon=True
        )
        self._process.start()
        self.pid = self._process.pid

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return self._process.exitcode

    def wait(self, timeout: float | None = None) -> int:
        self._process.join(timeout)
        if self._process.exitcode is None:
            raise subprocess.TimeoutExpired(self.args, timeout or 0)
        return self._process.exitcode

    def send_signal(self, sig: int) -> None:
        if self._process.exitcode is None:
            os.kill(self.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)
