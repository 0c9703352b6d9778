"""A city's 17:00–18:00 peak against 1, 2 and 4 server processes on PostgreSQL.

N simulated devices (asyncio, one HTTP/1.1 connection each) loop until the time is up:
upload a photo for one inspection in three (PUT /blobs, ~150 KB), push the inspection
(20 answers, a finding with that photo), pull what changed, and file the day's report
once. Each configuration gets a fresh database and server. Prints, per number of server
processes: inspections/s sustained, p50/p95 per call, errors, server CPU per inspection
(user+system of the server processes, from /proc), and the ratio of inspections/s to one
process measured in the same run.

    FIELDAPP_TEST_PG_URL=postgresql://postgres@127.0.0.1:54329/postgres \\
        .venv/bin/python bench/bench_peak_hour.py [--devices 40] [--seconds 20] [--processes 1,2,4]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from _sync_world import Server, inspection_op, seed

from sync.protocol import API_PREFIX

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(root_pid: int) -> float:
    """user+system seconds of a process and its children (uvicorn's workers)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        if pid == root_pid or ppid == root_pid:
            total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def postgres_cpu() -> float:
    """user+system seconds of every PostgreSQL process on this machine (its backends are
    the postmaster's children; other databases' work counts too, so run on a quiet cluster)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if b"postgres" not in (entry / "comm").read_bytes():
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def database_bytes(url: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM")
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


def pg_database(base: str) -> str:
    import psycopg

    name = f"fieldapp_peak_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    return base.rsplit("/", 1)[0] + "/" + name


def drop_database(base: str, url: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')  # type: ignore[arg-type]


async def device(
    url: str, code: str, n: int, venues: list[str], until: float, photo: bytes,
    stats: dict[str, list[float]], errors: list[str], done: list[int],
) -> None:  # fmt: skip
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        answer = await client.post(
            f"{API_PREFIX}/enroll", json={"code": code, "device_name": "peak"}
        )
        body = answer.json()
        device_id = body["device_id"]
        client.headers["authorization"] = f"Bearer {body['token']}"
        seq, cursor, reported = 0, "", False

        async def timed(kind: str, call: object) -> httpx.Response | None:
            began = time.perf_counter()
            try:
                response = await call  # type: ignore[misc]
            except httpx.HTTPError as error:
                errors.append(f"{kind}: {error!r}")
                return None
            stats.setdefault(kind, []).append(time.perf_counter() - began)
            if response.status_code >= 400:
                errors.append(f"{kind}: {response.status_code} {response.text[:120]}")
                return None
            return response

        while time.monotonic() < until:
            seq += 1
            with_photo = seq % 3 == 0
            op = inspection_op(venues[(n * 31 + seq) % len(venues)], f"p-{n}", seq,
                               finding=with_photo)  # fmt: skip
            if with_photo:
                blob = photo + os.urandom(16)
                sha = hashlib.sha256(blob).hexdigest()
                await timed("blob", client.put(f"{API_PREFIX}/blobs/{sha}", content=blob))
                op["payload"]["findings"][0]["photos"] = [sha]
            ops = [op]
            if not reported:
                seq += 1
                reported = True
                ops.append({"op_id": str(uuid.uuid4()), "seq": seq, "type": "daily_report.submit",
                            "payload": {"id": str(uuid.uuid4()), "grid_code": "V1",
                                        "date": "2026-06-10", "reporter": f"p-{n}",
                                        "counts": {"inspected": 1}, "zero_report": False,
                                        "remarks": "", "submitted_at": "2026-06-10T09:00:00.000Z"}})  # fmt: skip
            pushed = await timed("push", client.post(f"{API_PREFIX}/push",
                                                     json={"device_id": device_id, "ops": ops}))  # fmt: skip
            if pushed is not None:
                results = pushed.json()["results"]
                bad = [r for r in results if r["status"] != "applied"]
                errors += [f"push: {r['status']} {r.get('reason', '')}" for r in bad]
                done[0] += 1 if not bad else 0
            pulled = await timed("pull", client.get(f"{API_PREFIX}/pull",
                                                    params={"cursor": cursor, "limit": 500}))  # fmt: skip
            if pulled is not None:
                cursor = pulled.json()["cursor"]


def run(base: str, processes: int, devices: int, seconds: float, work: Path) -> dict[str, float]:
    url = pg_database(base)
    try:
        venues, codes = seed(url, work, venues=2000, devices=devices)
        server = Server(["-m", "sync.server", "--db", url, "--blob-dir", str(work / "blobs"),
                         "--workers", str(processes)], work).wait(f"{API_PREFIX}/health")  # fmt: skip
        try:
            stats: dict[str, list[float]] = {}
            errors: list[str] = []
            done = [0]
            photo = random.Random(7).randbytes(150 * 1024)
            cpu_before = cpu_seconds(server.process.pid)
            began = time.monotonic()

            async def all_devices() -> None:
                until = time.monotonic() + seconds
                await asyncio.gather(*(device(server.url, codes[1 + n], n, venues, until, photo,
                                              stats, errors, done) for n in range(devices)))  # fmt: skip

            pg_before, size_before = postgres_cpu(), database_bytes(url)
            asyncio.run(all_devices())
            wall = time.monotonic() - began
            cpu = cpu_seconds(server.process.pid) - cpu_before
            pg_cpu = postgres_cpu() - pg_before
            size = database_bytes(url) - size_before
        finally:
            server.stop()
    finally:
        from sync.server import db as server_db

        close_all = getattr(server_db.current(), "close_all", None)
        if close_all is not None:  # the pool's connections, before the database is dropped
            close_all()
        drop_database(base, url)
    rate = done[0] / wall
    line = f"  {processes} process{'es' if processes > 1 else '  '}: {rate:6.1f} inspections/s"
    for kind in ("push", "blob", "pull"):
        values = stats.get(kind, [])
        if len(values) >= 2:
            cuts = statistics.quantiles(values, n=20)
            line += f" · {kind} p50 {1000 * statistics.median(values):.0f} / p95 {1000 * cuts[18]:.0f} ms"
    per = max(done[0], 1)
    line += (f" · {len(errors)} errors · CPU per inspection: server {1000 * cpu / per:.1f} ms,"
             f" PostgreSQL {1000 * pg_cpu / per:.1f} ms (the whole cluster) · database"
             f" {size / per / 1024:.1f} KiB/inspection")  # fmt: skip
    print(line, flush=True)
    for problem in errors[:3]:
        print(f"    e.g. {problem}")
    return {"rate": rate}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--processes", default="1,2,4")
    args = parser.parse_args()
    base = os.environ.get("FIELDAPP_TEST_PG_URL")
    if not base:
        print(
            "peak hour: set FIELDAPP_TEST_PG_URL to a PostgreSQL URL whose role may CREATE DATABASE"
        )
        return
    print(f"peak hour: {args.devices} devices for {args.seconds:.0f} s each on PostgreSQL, "
          f"{os.cpu_count()} CPUs shared by server, database and the devices")  # fmt: skip
    rates = {}
    for processes in (int(p) for p in args.processes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            rates[processes] = run(base, processes, args.devices, args.seconds, Path(tmp))["rate"]
    first = next(iter(rates.values()))
    print("  ratio to the first configuration: " + ", ".join(
        f"{p}: {r / first:.2f}×" for p, r in rates.items()))  # fmt: skip


if __name__ == "__main__":
    main()
