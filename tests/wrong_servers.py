"""Servers that are not what a device expects, on loopback: one that answers every request
with the same thing (garbage, or JSON of the wrong shape), and Python's own
`http.server` serving an empty folder (a 404 page for a GET, a 501 page for a POST)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def _serving(server: ThreadingHTTPServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextmanager
def answering(
    body: bytes, status: int = 200, content_type: str = "application/json"
) -> Iterator[str]:
    """A server answering every GET and POST with `status` and `body`; yields its URL."""

    class Same(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            self.rfile.read(int(self.headers.get("content-length") or 0))
            self.send_response(status)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _answer

        def log_message(self, *args: object) -> None:
            pass

    yield from _serving(ThreadingHTTPServer(("127.0.0.1", 0), Same))


@contextmanager
def python_http_server(folder: Path) -> Iterator[str]:
    """`python3 -m http.server` serving `folder`: an HTML 404 page for /api/v1/health, an
    HTML 501 page for any POST."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = partial(Quiet, directory=str(folder))
    yield from _serving(ThreadingHTTPServer(("127.0.0.1", 0), handler))


@contextmanager
def raw_answering(data: bytes | None) -> Iterator[str]:
    """A TCP server that reads a request, answers the bytes `data` (not necessarily HTTP)
    and closes; with None it takes connections and never answers. Yields its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:  # closed: the test is over
                return
            if data is None:
                held.append(connection)
                continue
            with connection:
                connection.recv(65536)
                connection.sendall(data)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()
        for connection in held:
            connection.close()
        thread.join(5)
