"""`python -m fieldapp.web.sign_out [--insecure-http]`, run by `fieldapp web` with an ended
session's FIELDAPP_HOME after its last sync: the session's device signs out at the central
server (`POST /api/v1/web/sign-out`), so its token works no more and `admin devices` lists
it as 已退出 / Signed out instead of one more device in use per sign-in. A subprocess, as
enrol and sync are: the web front never opens a session's store itself. Exit status 0 when
the server took it, 1 when not (the device then stays listed as in use)."""

from __future__ import annotations

import sys

import httpx


def main(argv: list[str]) -> int:
    from fieldapp.paths import store_path
    from fieldapp.store import open_store
    from sync.client.base import SyncError
    from sync.client.sync_client import SyncClient

    open_store(store_path())
    try:
        with SyncClient.from_store(allow_insecure_http="--insecure-http" in argv) as client:
            answer = client.http.post("/web/sign-out")
    except (SyncError, httpx.HTTPError):
        return 1
    return 0 if answer.status_code == 204 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
