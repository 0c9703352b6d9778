"""Servers that tests start on loopback: a free port, and the wait until the server just
started (not another test's, on a port handed out twice) answers there."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import httpx

_LISTEN = "0A"  # the state column of /proc/net/tcp for a listening socket


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def listens_on(pid: int, port: int) -> bool:
    """Whether process `pid` holds the socket listening on `port`. A port chosen free can
    be taken by another worker's server before ours binds it; then ours exits, and until
    it has, the other one answers /health on our URL. Where /proc is not there, yes."""
    tables = [Path("/proc/net/tcp"), Path("/proc/net/tcp6")]
    if not tables[0].exists():
        return True
    inodes = set()
    for table in (t for t in tables if t.exists()):
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == _LISTEN and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{fields[9]}]")
    try:
        return any(str(fd.readlink()) in inodes for fd in Path(f"/proc/{pid}/fd").iterdir())
    except (FileNotFoundError, ProcessLookupError):
        return False  # it has exited


def wait_until_healthy(
    url: str, process: subprocess.Popen[bytes], log_path: Path, timeout: float
) -> None:
    """Wait until `process` listens on `url`'s port and answers /health there; fail with
    the log's end if it exits first."""
    port = int(url.rsplit(":", 1)[1])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited: {log_path.read_text()[-2000:]}")
        try:
            answered = httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200
        except httpx.TransportError:
            answered = False
        if answered and listens_on(process.pid, port):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer /health: {log_path.read_text()[-2000:]}")
