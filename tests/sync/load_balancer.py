"""Debian's nginx as the load balancer in front of several servers, started by a test:
round robin, each request to the next server, nothing retried by nginx itself (a device
must see the failure and retry, as it would behind a real balancer that gives up)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from loopback import free_port, wait_until_healthy

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")

CONFIG = """
{user}
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {root}/access.log;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    upstream fieldapp {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 200m;
        proxy_request_buffering off;
        location / {{
            proxy_pass http://fieldapp;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_next_upstream off;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


class Nginx:
    def __init__(self, upstream_ports: list[int], root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.upstream_ports = upstream_ports
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 15.0) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        servers = "\n".join(f"        server 127.0.0.1:{p};" for p in self.upstream_ports)
        user = "user root;" if os.geteuid() == 0 else ""  # workers may read the test's files
        conf = self.root / "nginx.conf"
        conf.write_text(
            CONFIG.format(user=user, root=self.root, servers=servers, port=self.port),
            encoding="utf-8",
        )
        self.process = subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(self.root)],
            stdout=subprocess.DEVNULL,
            stderr=open(self.root / "stderr.log", "wb"),  # noqa: SIM115 - lives with nginx
        )
        wait_until_healthy(self.url, self.process, self.root / "stderr.log", timeout)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    def requests_to(self, path_part: str) -> int:
        """How many requests whose line contains `path_part` nginx passed on."""
        log = self.root / "access.log"
        return (
            sum(path_part in line for line in log.read_text().splitlines()) if log.exists() else 0
        )
