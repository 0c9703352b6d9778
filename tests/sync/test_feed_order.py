"""Concurrent writers and a pull loop that must see every change (commit order, inv. 2).

The server is started with FIELDAPP_SERVER_TEST_APPEND_DELAY, which holds each write
transaction open for a random moment after it appended to the feed: without the feed's
ordering (PostgreSQL's advisory lock) a reader then sees a later seq before an earlier one
commits, moves its cursor past it, and this test fails.
"""

from __future__ import annotations

import threading

import httpx
import pytest
from sync_world import LiveServer, enrolment_code, inspection_submit


def _enrol(server: LiveServer, person: str) -> tuple[str, str]:
    answer = httpx.post(
        f"{server.url}/api/v1/enroll", json={"code": enrolment_code(person), "device_name": person}
    ).json()
    return answer["device_id"], answer["token"]


@pytest.fixture
def delayed_server(seed, server_db_url, server_workdir):
    server = LiveServer(
        server_db_url, server_workdir, env={"FIELDAPP_SERVER_TEST_APPEND_DELAY": "0.05"}
    )
    server.start()
    yield server
    server.stop()


def test_a_pull_loop_sees_every_change_while_writers_commit_concurrently(delayed_server, seed):
    server = delayed_server
    writers = [("p-insp", seed.venues["DM-0001"]), ("p-insp2", seed.venues["YM-0001"])] * 3
    per_writer = 15
    sent: set[str] = set()
    seen: list[str] = []
    done = threading.Event()
    errors: list[str] = []
    _, boss_token = _enrol(server, "p-sup")

    def write(person: str, venue: str) -> None:
        device_id, token = _enrol(server, person)
        with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
            for index in range(per_writer):
                payload = inspection_submit(venue, person, findings=0)
                op = {"op_id": f"{device_id}-{index}", "seq": index + 1,
                      "type": "inspection.submit", "payload": payload}  # fmt: skip
                answer = http.post(
                    f"{server.url}/api/v1/push", json={"device_id": device_id, "ops": [op]}
                )
                status = answer.json()["results"][0]["status"]
                if status != "applied":
                    errors.append(str(answer.json()))
                sent.add(payload["inspection"]["id"])

    def read() -> None:
        cursor = ""
        with httpx.Client(headers={"Authorization": f"Bearer {boss_token}"}, timeout=60) as http:
            while True:
                finished = done.is_set()
                page = http.get(
                    f"{server.url}/api/v1/pull", params={"cursor": cursor, "limit": 3}
                ).json()
                seqs = [c["seq"] for c in page["changes"]]
                if seqs != sorted(seqs) or (seqs and cursor and seqs[0] <= int(cursor)):
                    errors.append(f"out of order after {cursor}: {seqs}")
                seen.extend(c["id"] for c in page["changes"] if c["type"] == "inspection")
                cursor = page["cursor"]
                if finished and not page["more"]:
                    return

    reader = threading.Thread(target=read)
    reader.start()
    threads = [threading.Thread(target=write, args=w) for w in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    reader.join(120)
    assert not errors, errors[:3]
    assert len(sent) == len(writers) * per_writer
    assert sorted(seen) == sorted(sent)  # every change seen, none twice
