"""Push 10k inspections (~200k answers, ~5k findings) to a real uvicorn server on SQLite
over loopback, against a baseline measured in the same run: the same request bodies sent
to a body-only FastAPI route, plus a raw sqlite3 executemany of the same rows with one
commit per request (as many durable commits as the server makes: the fair limit). Then a
device pulls the feed (~50k changes: the pushed records and 30k venues) into its store.

Prints records/s, the ratio baseline time / push time (goal ≥ 60 %), the same ratio
against a single commit for everything (the old, unfair reference), and pull seconds and
changes/s. `--runs N` repeats the push and both references, interleaved, and prints the
median ratio and its spread. The ops' ids are random UUIDs (v4), as every figure of this
bench so far; `--device-ids` makes them as devices do (time-ordered, v7), so each key
index, the server's and the reference's, grows at its end instead of at random pages.

    .venv/bin/python bench/bench_sync_push.py [--inspections 10000] [--batch 100] [--runs 3]
        [--device-ids]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx  # noqa: E402
from _sync_world import (
    ROOT,
    Server,
    device_id_maker,
    enroll,
    inspection_op,
    new_id,
    records_in,
    seed,
)

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


def raw_sqlite(path: Path, batches: list[dict[str, list[tuple[Any, ...]]]]) -> float:
    """Raw executemany of the rows, one transaction (and one fsync) per given batch."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.executescript(SCHEMA)
    started = time.perf_counter()
    for rows in batches:
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
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--device-ids",
        action="store_true",
        help="time-ordered ids as devices make them (default: random UUIDs, as before)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-sync-") as tmp:
        work = Path(tmp)
        db_url = f"sqlite:///{work / 'server.sqlite3'}"
        started = time.perf_counter()
        venues, codes = seed(db_url, work, venues=args.venues, devices=args.runs)
        print(f"seeded {len(venues)} venues in {time.perf_counter() - started:.1f} s")
        server = Server(["-m", "sync.server", "--db", db_url, "--blob-dir",
                         str(work / "blobs")], work).wait(f"{API_PREFIX}/health")  # fmt: skip
        baseline = Server([str(ROOT / "bench" / "_body_only.py")], work, "body-only")
        baseline.wait("/health")
        fair: list[float] = []
        try:
            admin_device, admin_token = enroll(server.url, codes[0])
            for run in range(args.runs):
                device_id, token = enroll(server.url, codes[1 + run])
                urls = (server.url, baseline.url)
                fair.append(_one_run(args, work, run, venues, urls, device_id, token))
            if args.runs > 1:
                print(f"ratio (body-only + raw sqlite3, a commit per request) / push: median "
                      f"{statistics.median(fair):.0f} % ({min(fair):.0f}–{max(fair):.0f} %) "
                      f"over {args.runs} runs (goal ≥ 60 %)")  # fmt: skip
            t_pull, pulled = pull_into_store(server.url, admin_token, admin_device, work)
            print(f"pull        {t_pull:7.2f} s  {pulled} changes  {pulled / t_pull:7.0f} "
                  "changes/s (pages of 2000, applied into a device store)")  # fmt: skip
        finally:
            server.stop()
            baseline.stop()


def _one_run(
    args: argparse.Namespace, work: Path, run: int, venues: list[str], urls: tuple[str, str],
    device_id: str, token: str,
) -> float:  # fmt: skip
    """One push of fresh inspections and its references; returns the fair ratio in %."""
    url, baseline_url = urls
    person = f"p-{run}"
    make_id = device_id_maker() if args.device_ids else new_id
    ops = [
        inspection_op(venues[n % len(venues)], person, n + 1, finding=n % 2 == 0, make_id=make_id)
        for n in range(args.inspections)
    ]
    records = sum(records_in(op) for op in ops)
    batches = [ops[s : s + args.batch] for s in range(0, len(ops), args.batch)]
    bodies = [json.dumps({"device_id": device_id, "ops": b}).encode() for b in batches]
    mib = sum(map(len, bodies)) / 2**20
    print(f"run {run + 1}: {len(ops)} inspections, {records} records, {mib:.1f} MiB "
          f"in {len(bodies)} pushes of {args.batch} ops, "
          f"{'time-ordered' if args.device_ids else 'random'} ids")  # fmt: skip
    t_body, _ = send_all(baseline_url, "/push", bodies)
    t_per_request = raw_sqlite(work / f"raw-{run}-a.sqlite3", [raw_rows(b) for b in batches])
    t_one_commit = raw_sqlite(work / f"raw-{run}-b.sqlite3", [raw_rows(ops)])
    t_push, statuses = send_all(url, f"{API_PREFIX}/push", bodies, token)
    assert statuses == {"applied": len(ops)}, statuses
    print(f"  push        {t_push:7.2f} s  {records / t_push:9.0f} records/s  "
          f"{len(ops) / t_push:7.0f} inspections/s")  # fmt: skip
    print(f"  body-only   {t_body:7.2f} s  {records / t_body:9.0f} records/s")
    print(f"  raw sqlite3 {t_per_request:7.2f} s a commit per request, "
          f"{t_one_commit:.2f} s one commit")  # fmt: skip
    fair = 100 * (t_body + t_per_request) / t_push
    print(f"  ratio (body-only + raw sqlite3, a commit per request) / push = {fair:.0f} % "
          f"(goal ≥ 60 %); with one commit for all: {100 * (t_body + t_one_commit) / t_push:.0f} %")  # fmt: skip
    return fair


if __name__ == "__main__":
    main()
