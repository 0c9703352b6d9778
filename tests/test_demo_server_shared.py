"""Two demo windows on one workspace share its server, whichever opened first: when the
window that started it quits (ctrl+q) or is killed, the other still syncs (F12), and the
server stops once no window uses it any more. A real server on loopback, real files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.cli.demo import start_server
from fieldapp.services.demo.server import DemoServer
from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.store.opening import close_store

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/v1/health", timeout=1.0).status_code == 200
    except httpx.HTTPError:
        return False


def _gone(url: str, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _answers(url):
            return True
        time.sleep(0.1)
    return False


def _sync_as_supervisor(supervisor_home: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setenv("FIELDAPP_HOME", str(supervisor_home))
    synced = CliRunner().invoke(main, ["sync"])
    return synced.exit_code, synced.output


def test_the_supervisor_syncs_after_the_inspector_who_started_the_server_quits(
    demo_info: DemoInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = demo_info.home
    close_store()  # each window opens the stores it needs
    inspector, _ = start_server(home, "inspector")  # the first window starts the server
    supervisor, supervisor_home = start_server(home, "supervisor")  # the second finds it
    assert isinstance(inspector, DemoServer) and isinstance(supervisor, DemoServer)
    url = supervisor.url
    try:
        assert url == inspector.url
        inspector.stop()  # ctrl+q in the inspector's window
        assert _answers(url)
        code, output = _sync_as_supervisor(supervisor_home, monkeypatch)
        assert code == 0, output
    finally:
        supervisor.stop()  # the last window quits
    assert not _answers(url), "the demo server outlived its last window"


def test_the_supervisor_syncs_after_the_window_that_started_the_server_is_killed(
    demo_info: DemoInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = demo_info.home
    close_store()
    host = subprocess.Popen(  # the inspector's window, in its own process
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from fieldapp.cli.demo import start_server;"
         " start_server(Path(sys.argv[1]), 'inspector'); print('ready', flush=True);"
         " sys.stdin.read()", str(home)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    try:
        assert host.stdout is not None
        said = [host.stdout.readline() for _ in range(4)]  # what it says, then "ready"
        assert b"ready\n" in said, said
        supervisor, supervisor_home = start_server(home, "supervisor")
        assert isinstance(supervisor, DemoServer)
        url = supervisor.url
        assert not supervisor.owned  # the host's server
        os.kill(host.pid, signal.SIGKILL)
        host.wait(10)
        code, output = _sync_as_supervisor(supervisor_home, monkeypatch)
        assert code == 0, output
        supervisor.stop()
        assert _gone(url), "the demo server outlived its last window"
    finally:
        if host.poll() is None:
            host.kill()
            host.wait(10)
