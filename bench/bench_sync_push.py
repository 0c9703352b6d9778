"""Push 10k inspections (~200k answers, ~5k findings) to a real uvicorn server on SQLite
over loopback, against a baseline measured in the same run: the same request bodies sent
to a body-only FastAPI route, plus a raw sqlite3 executemany of the same rows. Then a
device pulls the feed (~50k changes: the pushed records and 30k venues) into its store.

Prints records/s, the ratio baseline time / push time (goal ≥ 50 %) and pull seconds and
changes/s.

    .venv/bin/python bench/bench_sync_push.py [--inspections 10000] [--batch 100]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx  # noqa: E402
from _sync_world import ROOT, Server, enroll, inspection_op, records_in, seed

from sync.protocol import API_PREFIX  # noqa: E402

SCHEMA = """
CREATE TABLE inspection (id TEXT PRIMARY KEY, venue_id TEXT, checklist_id TEXT,
  checklist_version INTEGER, inspector_id TEXT, device_id TEXT, started_at TEXT,
  finished_at TEXT, submitted_at TEXT, presence TEXT, presence_payload TEXT,
  presence_reason TEXT, presence_note TEXT, presence_at TEXT, representative TEXT,
  summary TEXT, supersedes TEXT, received_at TEXT);
CREATE TABLE answer (inspection_id TEXT, item_code TEXT, outcome TEXT, value TEXT,
  note TEXT, photos TEXT, PRIMARY KEY (inspection_id, item_code));
CREATE TABLE finding (id TEXT PRIMARY KEY, inspection_id TEXT, venue_id TEXT,
  item_code TEXT, severity TEXT, description TEXT, deadline TEXT, photos TEXT,
  created_at TEXT, created_by TEXT, state TEXT);
CREATE TABLE finding_event (id TEXT PRIMARY KEY, finding_id TEXT, type TEXT, actor TEXT,
  role TEXT, device_id TEXT, base_event TEXT, at TEXT, note TEXT, photos TEXT, data TEXT,
  received_at TEXT, server_order INTEGER);
"""


def raw_rows(ops: list[dict[str, Any]]) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {"i": [], "a": [], "f": [], "e": []}
    now = "2026-06-10T02:00:01.000Z"
    for op in ops:
        p = op["payload"]
        i = p["inspection"]
        rows["i"].append((*i.values(), now) if False else (
            i["id"], i["venue_id"], i["checklist_id"], i["checklist_version"],
            i["inspector_id"], "dev", i["started_at"], i["finished_at"], i["submitted_at"],
            i["presence"], i["presence_payload"], i["presence_reason"], i["presence_note"],
            i["presence_at"], i["representative"], json.dumps(i["summary"]), None, now))  # fmt: skip
        for a in p["answers"]:
            rows["a"].append((i["id"], a["item_code"], a["outcome"], a["value"], a["note"], "[]"))
        for f in p["findings"]:
            rows["f"].append((f["id"], i["id"], f["venue_id"], f["item_code"], f["severity"],
                              f["description"], f["deadline"], "[]", f["created_at"],
                              f["created_by"], "open"))  # fmt: skip
            for n, e in enumerate(f["events"]):
                rows["e"].append((e["id"], f["id"], e["type"], e["actor"], "inspector", "dev",
                                  e["base_event"], e["at"], e["note"], "[]",
                                  json.dumps(e["data"]), now, n))  # fmt: skip
    return rows


def raw_sqlite(path: Path, rows: dict[str, list[tuple[Any, ...]]]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.executescript(SCHEMA)
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO inspection VALUES ({','.join('?' * 18)})", rows["i"])
    conn.executemany("INSERT INTO answer VALUES (?,?,?,?,?,?)", rows["a"])
    conn.executemany(f"INSERT INTO finding VALUES ({','.join('?' * 11)})", rows["f"])
    conn.executemany(f"INSERT INTO finding_event VALUES ({','.join('?' * 13)})", rows["e"])
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def send_all(url: str, path: str, bodies: list[bytes], token: str = "") -> tuple[float, Any]:
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    statuses: dict[str, int] = {}
    with httpx.Client(base_url=url, headers=headers, timeout=120) as client:
        started = time.perf_counter()
        for body in bodies:
            answer = client.post(path, content=body)
            answer.raise_for_status()
            for result in answer.json().get("results", ()):
                statuses[result["status"]] = statuses.get(result["status"], 0) + 1
        elapsed = time.perf_counter() - started
    return elapsed, statuses


def pull_into_store(url: str, token: str, device_id: str, home: Path) -> tuple[float, int]:
    from fieldapp.store.models import SyncState
    from fieldapp.store.opening import open_store
    from sync.client import SyncClient

    open_store(home / "device.sqlite3")
    SyncState.insert(id=1, device_id=device_id, token=token, server_url=url).execute()
    with SyncClient(url, token, device_id, page_size=2000) as client:
        started = time.perf_counter()
        result = client.pull()
        elapsed = time.perf_counter() - started
    if result.warnings:
        print(f"  pull warnings: {len(result.warnings)} (first: {result.warnings[0]})")
    return elapsed, result.pulled


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--venues", type=int, default=30_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-sync-") as tmp:
        work = Path(tmp)
        db_url = f"sqlite:///{work / 'server.sqlite3'}"
        started = time.perf_counter()
        venues, codes = seed(db_url, work, venues=args.venues, devices=1)
        print(f"seeded {len(venues)} venues in {time.perf_counter() - started:.1f} s")
        server = Server(["-m", "sync.server", "--db", db_url, "--blob-dir",
                         str(work / "blobs")], work).wait(f"{API_PREFIX}/health")  # fmt: skip
        baseline = Server([str(ROOT / "bench" / "_body_only.py")], work, "body-only")
        baseline.wait("/health")
        try:
            admin_device, admin_token = enroll(server.url, codes[0])
            device_id, token = enroll(server.url, codes[1])
            ops = [
                inspection_op(venues[n % len(venues)], "p-0", n + 1, finding=n % 2 == 0)
                for n in range(args.inspections)
            ]
            records = sum(records_in(op) for op in ops)
            bodies = [
                json.dumps({"device_id": device_id, "ops": ops[s : s + args.batch]}).encode()
                for s in range(0, len(ops), args.batch)
            ]
            mib = sum(map(len, bodies)) / 2**20
            print(f"payload: {len(ops)} inspections, {records} records, {mib:.1f} MiB "
                  f"in {len(bodies)} pushes of {args.batch} ops")  # fmt: skip

            t_body, _ = send_all(baseline.url, "/push", bodies)
            t_sqlite = raw_sqlite(work / "raw.sqlite3", raw_rows(ops))
            t_push, statuses = send_all(server.url, f"{API_PREFIX}/push", bodies, token)
            assert statuses == {"applied": len(ops)}, statuses
            base = t_body + t_sqlite
            print(f"push        {t_push:7.2f} s  {records / t_push:9.0f} records/s  "
                  f"{len(ops) / t_push:7.0f} inspections/s")  # fmt: skip
            print(f"body-only   {t_body:7.2f} s  {records / t_body:9.0f} records/s")
            print(f"raw sqlite3 {t_sqlite:7.2f} s  {records / t_sqlite:9.0f} records/s")
            print(f"ratio (body-only + raw sqlite3) / push = {100 * base / t_push:.0f} % "
                  "(goal ≥ 50 %)")  # fmt: skip

            t_pull, pulled = pull_into_store(server.url, admin_token, admin_device, work)
            print(f"pull        {t_pull:7.2f} s  {pulled} changes  {pulled / t_pull:7.0f} "
                  "changes/s (pages of 2000, applied into a device store)")  # fmt: skip
        finally:
            server.stop()
            baseline.stop()


if __name__ == "__main__":
    sys.exit(main())
