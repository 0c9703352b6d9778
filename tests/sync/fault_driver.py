"""A field device's `sync_once` in its own process, killing itself with SIGKILL at an
injected point (the fault suite's client-kill trials).

    python fault_driver.py STORE BLOB_DIR POINT NTH BATCH PAGE

POINT is where to die (on its NTH occurrence): push-before-send, push-after-answer (the
server applied the batch, the device has not recorded it), push-in-record (inside the
transaction that records the answers), pull-after-response (a page received, not yet
applied), pull-in-page (inside the page's transaction, before its cursor commits), or
none (the test kills the process after a random delay).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from fieldapp.store.opening import open_store
from sync.client import SyncClient, pulling, sync_client
from sync.client.apply import PageApplier


def main() -> None:
    store, blob_dir, point, nth, batch, page = sys.argv[1:7]
    seen = {"n": 0}

    def hit(name: str) -> None:
        if name == point:
            seen["n"] += 1
            if seen["n"] >= int(nth):
                os.kill(os.getpid(), signal.SIGKILL)

    send, request = SyncClient._send, SyncClient._request
    record_seqs = sync_client.record_server_seqs

    def send_and_die(self: SyncClient, rows: list[Any]) -> Any:
        hit("push-before-send")
        answer = send(self, rows)
        hit("push-after-answer")
        return answer

    def request_and_die(self: SyncClient, method: str, path: str, **kwargs: Any) -> Any:
        response = request(self, method, path, **kwargs)
        if path == "/pull":
            hit("pull-after-response")
        return response

    def record_and_die(seqs: dict[str, int]) -> None:
        record_seqs(seqs)
        hit("push-in-record")

    class DyingApplier(PageApplier):
        def apply(self) -> int:
            applied = super().apply()
            hit("pull-in-page")
            return applied

    SyncClient._send = send_and_die  # type: ignore[method-assign]
    SyncClient._request = request_and_die  # type: ignore[method-assign]
    sync_client.record_server_seqs = record_and_die
    pulling.PageApplier = DyingApplier  # type: ignore[misc]  # where pages are applied

    open_store(Path(store))
    with SyncClient.from_store(
        blob_path=lambda sha: Path(blob_dir) / f"{sha}.jpg",
        batch_size=int(batch),
        page_size=int(page),
        sleep=lambda _s: None,
    ) as client:
        result = client.sync_once()
    print(json.dumps({"ok": result.ok, "errors": result.errors, "rejected": len(result.rejected)}))


if __name__ == "__main__":
    main()
