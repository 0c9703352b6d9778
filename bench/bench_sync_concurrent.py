"""50 devices pushing at once to one real uvicorn server, on SQLite and on PostgreSQL.

Each device (a thread with its own keep-alive HTTP connection, through the standard
library's client: `--client httpx` uses the device's own, which as 50 threads of one process
takes ~4 ms of CPU a push against a body-only server) pushes `--pushes` batches of
`--batch` inspections (20 answers each, every other with a finding). Prints errors (a
non-200 answer, a transport error or a rejected op) and the median and p95 push latency.
Goal: 0 errors, p95 ≤ 300 ms. PostgreSQL runs when FIELDAPP_TEST_PG_URL (a URL whose role
may CREATE DATABASE) is set, e.g. against the cluster `.ci/run` starts:

    FIELDAPP_TEST_PG_URL=postgresql://postgres@127.0.0.1:54329/postgres \\
        .venv/bin/python bench/bench_sync_concurrent.py [--workers N] [--pg-workers N] \\
        [--client plain|httpx]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from _sync_world import Server, enroll, inspection_op, seed

from sync.protocol import API_PREFIX

Send = Callable[[str, bytes], tuple[int, str]]  # (path, body) -> (status, answer text)


@contextlib.contextmanager
def _PLAIN(url: str, headers: dict[str, str]) -> Iterator[Send]:
    """A device's keep-alive connection through the standard library: ~0.2 ms of this
    process's CPU a push, so the 50 simulated devices leave the 2 CPUs to the server (a
    field device is a machine of its own)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)

    def send(path: str, body: bytes) -> tuple[int, str]:
        conn.request("POST", path, body, headers)
        answer = conn.getresponse()
        return answer.status, answer.read().decode()

    try:
        yield send
    finally:
        conn.close()


@contextlib.contextmanager
def _HTTPX(url: str, headers: dict[str, str]) -> Iterator[Send]:
    """The device's own HTTP client: 50 of its sync clients as threads of one process cost
    ~4 ms of CPU a push here (GIL hand-offs), taken from the server on these 2 CPUs."""
    with httpx.Client(base_url=url, headers=headers, timeout=60) as client:

        def send(path: str, body: bytes) -> tuple[int, str]:
            answer = client.post(path, content=body)
            return answer.status_code, answer.text

        yield send


def run(
    db_url: str, work: Path, devices: int, pushes: int, batch: int, workers: int,
    client_kind: str = "plain",
) -> None:  # fmt: skip
    venues, codes = seed(db_url, work, venues=500, devices=devices)
    server = Server(["-m", "sync.server", "--db", db_url, "--blob-dir", str(work / "blobs"),
                     "--workers", str(workers)], work).wait(f"{API_PREFIX}/health")  # fmt: skip
    try:
        enrolled = [enroll(server.url, code) for code in codes[1:]]
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        start = threading.Barrier(devices)

        def device(n: int, device_id: str, token: str) -> None:
            bodies = []
            for p in range(pushes):
                ops = [inspection_op(venues[(n * 7 + p * batch + k) % len(venues)], f"p-{n}",
                                     p * batch + k + 1, finding=k % 2 == 0)
                       for k in range(batch)]  # fmt: skip
                bodies.append(json.dumps({"device_id": device_id, "ops": ops}).encode())
            headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
            post = _PLAIN if client_kind == "plain" else _HTTPX
            with post(server.url, headers) as send:
                start.wait()
                for body in bodies:
                    began = time.perf_counter()
                    try:
                        status, text = send(f"{API_PREFIX}/push", body)
                        took = time.perf_counter() - began
                        bad = status != 200 or any(
                            r["status"] != "applied" for r in json.loads(text)["results"]
                        )
                        problem = f"{status} {text[:200]}" if bad else ""
                    except (httpx.HTTPError, OSError, http.client.HTTPException) as error:
                        took, problem = time.perf_counter() - began, repr(error)
                    with lock:
                        latencies.append(took)
                        if problem:
                            errors.append(problem)

        threads = [threading.Thread(target=device, args=(n, *enrolled[n])) for n in range(devices)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        cuts = statistics.quantiles(latencies, n=20)
        print(f"  {devices} devices × {pushes} pushes of {batch}: {len(errors)} errors, "
              f"median {1000 * statistics.median(latencies):.0f} ms, p95 {1000 * cuts[18]:.0f} ms, "
              f"{devices * pushes * batch / wall:.0f} inspections/s overall")  # fmt: skip
        for problem in errors[:3]:
            print(f"    e.g. {problem}")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--pushes", type=int, default=10)
    parser.add_argument("--batch", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1, help="server processes (SQLite)")
    parser.add_argument("--pg-workers", type=int, default=None, help="(default: --workers)")
    parser.add_argument(
        "--client", choices=("plain", "httpx"), default="plain",
        help="the devices' HTTP client: the standard library's (default) or httpx's",
    )  # fmt: skip
    args = parser.parse_args()
    pg_workers = args.pg_workers or args.workers
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-conc-") as tmp:
        print(f"SQLite ({args.workers} server process(es)):")
        run(f"sqlite:///{tmp}/server.sqlite3", Path(tmp), args.devices, args.pushes, args.batch,
            args.workers, args.client)  # fmt: skip
    pg = os.environ.get("FIELDAPP_TEST_PG_URL", "")
    if not pg:
        print("PostgreSQL: skipped; set FIELDAPP_TEST_PG_URL=postgresql://USER@HOST:PORT/postgres "
              "(a role that may CREATE DATABASE), e.g. the cluster .ci/run starts")  # fmt: skip
        return
    import psycopg

    name = f"fieldapp_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    try:
        with tempfile.TemporaryDirectory(prefix="fieldapp-bench-conc-") as tmp:
            print(f"PostgreSQL ({pg_workers} server process(es)):")
            run(pg.rsplit("/", 1)[0] + "/" + name, Path(tmp), args.devices, args.pushes,
                args.batch, pg_workers, args.client)  # fmt: skip
    finally:
        from sync.server import db as server_db

        server_db.current().close_all()
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
