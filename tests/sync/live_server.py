"""The sync tests' server: `python -m sync.server`, forked from a fork server that has its
modules imported (server_forks), on a free loopback port,
with its access log, stopped, killed and restarted on the same port."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from loopback import free_port, wait_until_healthy
from server_forks import READ_AT_IMPORT, ForkedServer

from sync.protocol import API_PREFIX
from sync.server import db as server_db
from sync.server.schema_fingerprint import FINGERPRINT_KEY

REPO = Path(__file__).resolve().parents[2]


def forget_schema() -> None:
    """Take this program's schema fingerprint out of the server database, as a database an
    older server made has none: the next start makes the schema again. Tests that drop what
    a newer server added call it, or the start would take the schema as made."""
    db = server_db.current()
    with db.connection_context():
        db.execute_sql(f"DELETE FROM meta WHERE key = {db.param}", (FINGERPRINT_KEY,))


class LiveServer:
    """`python -m sync.server` on loopback; start/stop/kill/restart keep the same port."""

    def __init__(
        self,
        db_url: str,
        workdir: Path,
        env: dict[str, str] | None = None,
        blob_store: str | None = None,
    ) -> None:
        self.db_url = db_url
        self.env = env or {}
        self.workdir = workdir
        self.blob_dir = workdir / "server-blobs"
        # files under blob_dir unless a store is named (`--blob-store database`, …)
        self.blob_args = (
            ["--blob-store", blob_store] if blob_store else ["--blob-dir", str(self.blob_dir)]
        )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | ForkedServer | None = None
        self.log_path = workdir / "server.log"

    def start(self, timeout: float | None = None) -> None:
        # Longer where the machine is slow on purpose (the mutation run sets it).
        timeout = timeout or float(os.environ.get("FIELDAPP_TEST_SERVER_START_TIMEOUT", "30"))
        env = {**os.environ, "PYTHONPATH": str(REPO), **self.env}
        first = not self.log_path.exists()
        argv = ["--db", self.db_url, "--port", str(self.port), *self.blob_args]
        if any(name in env for name in READ_AT_IMPORT):
            with open(self.log_path, "ab") as log:
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "sync.server", *argv],
                    cwd=REPO, env=env, stdout=log, stderr=log,
                )  # fmt: skip
        else:
            self.process = ForkedServer(argv, env, REPO, self.log_path)
        try:
            wait_until_healthy(self.url, self.process, self.log_path, timeout)
        except RuntimeError as error:
            if not (first and "address already in use" in str(error)):
                raise  # a restart keeps its port: devices know this URL
            self.port = free_port()  # another worker's server took it first
            self.url = f"http://127.0.0.1:{self.port}"
            self.start(timeout)

    def paths(self, method: str | None = None) -> list[str]:
        """The paths of the requests (of `method`, when named) its access log shows, in
        order; read while the server runs, so a line half written is passed over."""
        found = []
        for line in self.log_path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # not the access log's, or not written to its end yet
            access = record.get("logger") == "fieldapp.server.access"
            if access and (method is None or record["method"] == method):
                found.append(record["path"])
        return found

    def requests(self, part: str, method: str | None = None) -> int:
        """How many requests whose path holds `part` (of `method`, when named) were made."""
        self._logged_so_far()
        return sum(part in path for path in self.paths(method))

    def _logged_so_far(self) -> None:
        """Wait until the access log holds every request answered so far. Its line is
        written after the answer goes out, so a count read just after a request could
        miss it; a /health asked now is logged after the ones before it."""
        if self.process is None or self.process.poll() is not None:
            return  # a stopped server has logged all it will
        health = f"{API_PREFIX}/health"
        before = self.paths("GET").count(health)
        httpx.get(f"{self.url}{health}", timeout=10)
        deadline = time.monotonic() + 10
        while self.paths("GET").count(health) <= before and time.monotonic() < deadline:
            time.sleep(0.01)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def restart_from_before(self, table: str, column: str) -> None:
        """Restart on the database as an older server left it, without `table.column`:
        the start adds it again (with its backfill), as on a deployment that upgrades."""
        self.stop()
        db = server_db.current()
        with db.connection_context():
            db.execute_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
        forget_schema()
        server_db.init_schema()  # as the server does when it starts
        self.start()
