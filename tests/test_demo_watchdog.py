"""The demo's server never outlives the last `fieldapp demo` using it: the only one, killed
with -9 while its TUI runs (in a real terminal, a pty), leaves a server that notices and
stops by itself."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
ALTERNATE_SCREEN = b"\x1b[?1049h"  # Textual has taken over the terminal


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/v1/health", timeout=1.0).status_code == 200
    except httpx.HTTPError:
        return False


def _wait(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_demo_killed_with_sigkill_takes_its_server_with_it(tmp_path: Path) -> None:
    home = tmp_path / "demo"
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(REPO)}
    env.pop("FIELDAPP_HOME", None)
    main, terminal = pty.openpty()
    demo = subprocess.Popen(
        [sys.executable, "-m", "fieldapp", "demo", "--home", str(home), "--venues", "20"],
        stdin=terminal, stdout=terminal, stderr=terminal, env=env, cwd=tmp_path,
        start_new_session=True,
    )  # fmt: skip
    os.close(terminal)
    shown = bytearray()

    def drain() -> None:  # the TUI must never block on a full terminal
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.extend(chunk)

    threading.Thread(target=drain, daemon=True).start()
    port_file = home / "server" / "port"
    try:
        assert _wait(lambda: ALTERNATE_SCREEN in shown or demo.poll() is not None, 180)
        assert demo.poll() is None, shown.decode(errors="replace")[-2000:]
        url = f"http://127.0.0.1:{port_file.read_text().strip()}"
        assert _answers(url)
        os.kill(demo.pid, signal.SIGKILL)
        demo.wait(10)
        assert _wait(lambda: not _answers(url), 30), "the demo server outlived its demo"
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait(10)
        os.close(main)
    log = (home / "server" / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "is gone: stopping" in log
