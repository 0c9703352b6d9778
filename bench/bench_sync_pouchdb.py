"""Sync against a peer: PouchDB replicating to express-pouchdb (LevelDB), pinned in
bench/pouchdb/package-lock.json, and fieldapp's device pushing to and pulling from its own
server (SQLite, `synchronous=FULL`), with the same documents, in one run, interleaved.

A document is one inspection with its 20 answers (every other one with a finding and its
opened event): a PouchDB doc holds the `inspection.submit` payload the device's outbox
holds. Per run and batch size (100, 500), each side
  push: a device store holding the 10k documents replicates them to a new server database
        (PouchDB: a local LevelDB filled untimed → a new remote database; fieldapp: an outbox
        of 10k ops → a new copy of the seeded server, `SyncClient.push`, batch = ops/push);
  pull: a new device store takes them from that server (PouchDB: `replicate.from`;
        fieldapp: `SyncClient.pull` with pages of the batch size into the device store).
Only the replication is timed, on both sides; each server is started and stopped here.
The sides alternate who goes first. Prints docs/s of both and the ratio fieldapp / PouchDB
per run, then the median ratio and its spread (min–max) over the runs. Goal ≥ 1.5× at both.

    .venv/bin/python bench/bench_sync_pouchdb.py [--runs 3] [--inspections 10000]

Needs node ≥ 18 and npm; `npm ci` is run in bench/pouchdb when its node_modules is missing.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from _sync_world import ROOT, Server, enroll, free_port, inspection_op, seed

from fieldapp.domain.canonical import canonical_json, payload_hash
from sync.protocol import API_PREFIX

PEER = ROOT / "bench" / "pouchdb"
BATCHES = (100, 500)
INSTALL_HINT = (
    "PouchDB peer bench skipped: it needs node ≥ 18 and npm on PATH "
    "(Debian/Ubuntu: `apt-get install nodejs npm`; or https://nodejs.org). "
    "Then `make bench` installs the pinned PouchDB and express-pouchdb itself "
    "(`npm ci` in bench/pouchdb)."
)


def peer_ready() -> bool:
    """node and npm are here and the pinned packages installed (installing them if not)."""
    if not (shutil.which("node") and shutil.which("npm")):
        print(INSTALL_HINT)
        return False
    if not (PEER / "node_modules" / "express-pouchdb").is_dir():
        print("installing the pinned PouchDB peer (npm ci in bench/pouchdb) …", flush=True)
        code = subprocess.call(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEER)
        if code != 0:
            print(f"npm ci failed (exit {code}); " + INSTALL_HINT)
            return False
    return True


class PouchServer:
    """express-pouchdb on a free loopback port, its databases under `workdir`."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        workdir.mkdir(parents=True, exist_ok=True)
        self.log = open(workdir / "server.log", "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            ["node", str(PEER / "server.js"), str(self.port), str(workdir)],
            cwd=PEER, stdout=self.log, stderr=self.log,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((workdir / "server.log").read_text()[-2000:])
            try:
                if httpx.get(self.url + "/", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError(f"express-pouchdb did not answer at {self.url}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(20)
        self.log.close()


def pouch(*args: str) -> tuple[int, float]:
    out = subprocess.run(
        ["node", str(PEER / "client.js"), *args], cwd=PEER, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise RuntimeError(f"PouchDB client failed: {out.stderr[-2000:]}")
    answer = json.loads(out.stdout.strip().splitlines()[-1])
    return int(answer["docs"]), float(answer["seconds"])


class Ours:
    """fieldapp's side: a seeded server database copied per trial, device stores."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.count = 0  # documents in the outbox
        self.template = work / "server-template.sqlite3"
        _, self.codes = seed(f"sqlite:///{self.template}", work, venues=500, devices=1)
        with sqlite3.connect(self.template) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.venues = [row[0] for row in conn.execute("SELECT id FROM venue ORDER BY code")]
        self.outbox = work / "device-template.sqlite3"

    def fill_outbox(self, ops: list[dict[str, Any]]) -> None:
        """A device store whose outbox holds `ops`, copied for each push."""
        from fieldapp.store.db import db
        from fieldapp.store.opening import close_store, open_store

        self.count = len(ops)
        open_store(self.outbox)
        rows = [
            (op["op_id"], op["type"], canonical_json(op["payload"]),
             payload_hash(op["payload"]), "2026-06-10T02:00:00.000Z")
            for op in ops
        ]  # fmt: skip
        with db.atomic():
            db.cursor().executemany(
                "INSERT INTO outbox (op_id, type, payload, payload_hash, state, attempts,"
                " last_error, created_at) VALUES (?, ?, ?, ?, 'pending', 0, '', ?)",
                rows,
            )
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        close_store()

    def trial(self, name: str, batch: int) -> tuple[float, float]:
        """(push seconds, pull seconds) against a new copy of the seeded server."""
        trial = self.work / name
        trial.mkdir()
        shutil.copy(self.template, trial / "server.sqlite3")
        server = Server(["-m", "sync.server", "--db", f"sqlite:///{trial / 'server.sqlite3'}",
                         "--blob-dir", str(trial / "blobs")], trial)  # fmt: skip
        server.wait(f"{API_PREFIX}/health")
        try:
            admin = enroll(server.url, self.codes[0])
            device = enroll(server.url, self.codes[1])
            shutil.copy(self.outbox, trial / "device.sqlite3")
            push = self._timed(server.url, device, trial / "device.sqlite3", batch, "push")
            pull = self._timed(server.url, admin, trial / "reader.sqlite3", batch, "pull")
        finally:
            server.stop()
        return push, pull

    def _timed(self, url: str, who: tuple[str, str], store: Path, batch: int, what: str) -> float:
        from fieldapp.store.models import Inspection, SyncState
        from fieldapp.store.opening import close_store, open_store
        from sync.client import SyncClient

        open_store(store)
        device_id, token = who
        SyncState.insert(id=1, device_id=device_id, token=token, server_url=url).on_conflict(
            conflict_target=[SyncState.id],
            update={SyncState.device_id: device_id, SyncState.token: token},
        ).execute()
        try:
            with SyncClient(url, token, device_id, batch_size=batch, page_size=batch) as client:
                started = time.perf_counter()
                result = client.push() if what == "push" else client.pull()
                seconds = time.perf_counter() - started
            if what == "push" and (result.pushed != self.count or result.rejected):
                raise RuntimeError(f"push: {result.pushed} acked, {len(result.rejected)} rejected")
            if what == "pull" and Inspection.select().count() != self.count:
                raise RuntimeError(f"pull: {Inspection.select().count()} inspections arrived")
        finally:
            close_store()
        return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--inspections", type=int, default=10_000)
    args = parser.parse_args()
    if not peer_ready():
        return 0
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-pouch-") as tmp:
        work = Path(tmp)
        ours = Ours(work)
        ops = [
            inspection_op(ours.venues[n % len(ours.venues)], "p-0", n + 1, finding=n % 2 == 0)
            for n in range(args.inspections)
        ]  # fmt: skip
        ours.fill_outbox(ops)
        docs = [{"_id": op["payload"]["inspection"]["id"], **op["payload"]} for op in ops]
        (work / "docs.json").write_text(json.dumps(docs))
        count = len(docs)
        answers = sum(len(d["answers"]) for d in docs) / count
        print(f"{count} documents (inspections, {answers:.0f} answers each, every other "
              "with a finding); docs/s of the replication alone")  # fmt: skip
        # fieldapp's device runs in this process: it must not carry the bench's own copy of
        # the documents (~60 objects each) in its heap, which the collector would walk again
        # and again while a page is decoded. The app sets its start-up heap aside the same
        # way after its first frame (tui/collector.py); PouchDB's side is another process.
        del ops, docs
        gc.collect()
        gc.freeze()
        peer = PouchServer(work / "pouch-server")
        ratios: dict[tuple[str, int], list[float]] = {}
        rates: dict[tuple[str, str, int], list[float]] = {}
        try:
            for run in range(args.runs):
                for batch in BATCHES:
                    sides: list[tuple[str, Callable[[], tuple[float, float]]]] = [
                        ("pouchdb", lambda b=batch, r=run: _pouch_trial(peer, work, r, b)),
                        ("fieldapp", lambda b=batch, r=run: ours.trial(f"r{r}-b{b}", b)),
                    ]
                    if run % 2:
                        sides.reverse()
                    seconds = {side: trial() for side, trial in sides}
                    for k, what in enumerate(("push", "pull")):
                        mine = count / seconds["fieldapp"][k]
                        theirs = count / seconds["pouchdb"][k]
                        rates.setdefault(("fieldapp", what, batch), []).append(mine)
                        rates.setdefault(("pouchdb", what, batch), []).append(theirs)
                        ratios.setdefault((what, batch), []).append(mine / theirs)
                        print(f"run {run + 1} {what} batch {batch:3d}: fieldapp {mine:6.0f} "
                              f"docs/s, PouchDB {theirs:6.0f} docs/s, ratio {mine / theirs:.2f}×",
                              flush=True)  # fmt: skip
        finally:
            peer.stop()
        print(f"\nmedians of {args.runs} runs (ratio fieldapp / PouchDB, spread min–max; "
              "goal ≥ 1.5×):")  # fmt: skip
        for (what, batch), values in ratios.items():
            mine = statistics.median(rates[("fieldapp", what, batch)])
            theirs = statistics.median(rates[("pouchdb", what, batch)])
            print(f"  {what} batch {batch:3d}: fieldapp {mine:6.0f} docs/s, PouchDB "
                  f"{theirs:6.0f} docs/s, ratio {statistics.median(values):.2f}× "
                  f"({min(values):.2f}–{max(values):.2f}×)")  # fmt: skip
    return 0


def _pouch_trial(peer: PouchServer, work: Path, run: int, batch: int) -> tuple[float, float]:
    remote = f"{peer.url}/bench-r{run}-b{batch}"
    trial = work / f"pouch-r{run}-b{batch}"
    trial.mkdir()
    pushed, push_s = pouch("push", str(work / "docs.json"), remote, str(batch), str(trial))
    pulled, pull_s = pouch("pull", remote, str(batch), str(trial))
    if pushed != pulled:
        raise RuntimeError(f"PouchDB pushed {pushed} docs but pulled {pulled}")
    return push_s, pull_s


if __name__ == "__main__":
    sys.exit(main())
