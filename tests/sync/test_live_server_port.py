"""A sync test's server is its own: when the free port it was given is taken by another
worker's server before it binds (the CI's one flaky failure: a device enrolled against
another test's server and was told its code was not known), it starts on another port
instead of handing the test the stranger's URL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from loopback import free_port, listens_on
from sync_world import LiveServer, seed_server


class _Stranger(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"status": "ok"}')

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stranger() -> Iterator[int]:
    """Another server, already answering /health on a port."""
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), _Stranger)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield port
    finally:
        server.shutdown()
        server.server_close()


def test_a_port_taken_before_the_server_binds_it_is_not_handed_to_the_test(
    tmp_path: Path, stranger: int
) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    seed_server(url, tmp_path)
    server = LiveServer(url, tmp_path)
    server.port, server.url = stranger, f"http://127.0.0.1:{stranger}"
    server.start()
    try:
        assert server.port != stranger
        assert server.process is not None and listens_on(server.process.pid, server.port)
    finally:
        server.stop()
