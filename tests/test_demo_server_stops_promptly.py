"""Quitting the last demo window while its server was stopped (kill -STOP) put the shell
back at once but the process lived on 20 s: it waited 10 s for the server to stop by
itself, sent SIGTERM, which a stopped process does not act on, and waited 10 s more. The
server is now told to stop at once and killed 2 s later, and the window says it is
stopping the server whenever that takes more than a moment. The same when the last window
is not the one that started it: it finds the server's pid where that window recorded it.
A real server subprocess."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from fieldapp.cli.demo import stop_server
from fieldapp.services.demo.server import DemoServer, server_db_url, server_dir
from sync.server import db as server_db

pytestmark = pytest.mark.slow

STOPPING = {"zh": "正在停止示例服务器…", "en": "Stopping the demo server…"}


def _running_server(home: Path) -> DemoServer:
    server_dir(home).mkdir(parents=True)
    server_db.open_database(server_db_url(home))
    with server_db.current().connection_context():
        server_db.init_schema()
    return DemoServer(home).start()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_stopped_server_is_killed_within_seconds_and_the_wait_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    server = _running_server(tmp_path)
    process = server.process
    assert process is not None and server.owned
    os.kill(process.pid, signal.SIGSTOP)  # the server stopped: it answers no signal but KILL
    try:
        begun = time.monotonic()
        stop_server(server, lang)  # ctrl+q in the last demo window
        took = time.monotonic() - begun
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert took < 4, f"stopping a stopped demo server took {took:.1f} s"
    assert process.poll() is not None, "the stopped demo server outlived its last window"
    said = capsys.readouterr().out.splitlines()
    assert said == [STOPPING[lang]], said


def test_a_server_that_stops_at_once_goes_without_a_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = _running_server(tmp_path)
    process = server.process
    assert process is not None
    stop_server(server, "en")
    assert process.poll() is not None
    assert capsys.readouterr().out == ""


def test_the_last_window_kills_a_stopped_server_that_another_window_started(
    tmp_path: Path,
) -> None:
    first = _running_server(tmp_path)  # the inspector's window starts the server
    process = first.process
    assert process is not None
    second = DemoServer(tmp_path).start()  # the supervisor's window finds it running
    assert not second.owned and second.url == first.url
    first.stop()  # the inspector quits first: the supervisor still uses the server
    assert process.poll() is None
    os.kill(process.pid, signal.SIGSTOP)  # then the server hangs
    try:
        begun = time.monotonic()
        second.stop()  # ctrl+q in the last window
        took = time.monotonic() - begun
        process.wait(timeout=2)  # reaped here: this test's process is its parent
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert took < 4, f"stopping a stopped demo server took {took:.1f} s"
    assert process.returncode == -signal.SIGKILL, "the hung server outlived the last window"
