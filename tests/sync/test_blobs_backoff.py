"""Photos before their ops, never blocking them; backoff and 4xx handling (invariant 7)."""

from __future__ import annotations

import hashlib
import json
import random

import httpx
import pytest
from sync_world import inspection_submit

from fieldapp.store.models import Blob, Outbox, SyncState
from sync.client import Backoff, InsecureURL, SyncClient, check_url
from sync.protocol import canonical_json, payload_hash


def test_photos_go_up_before_their_op_and_a_missing_one_does_not_block(
    make_device, seed, live_server
):
    device = make_device("a").enroll("p-insp")
    photo = b"\xff\xd8 pretend jpeg \xff\xd9" * 100
    sha = hashlib.sha256(photo).hexdigest()
    (device.home / "blobs" / f"{sha}.jpg").write_bytes(photo)
    missing = "ab" * 32
    op = device.enqueue(
        "inspection.submit",
        inspection_submit(seed.venues["DM-0001"], "p-insp", photos=[sha, missing]),
    )
    phases: list[str] = []
    with device.client() as client:
        result = client.sync_once(lambda phase, done, total: phases.append(phase))
    assert result.ok, result
    assert phases.index("photos") < phases.index("push") < phases.index("pull")
    assert result.blobs_uploaded == 1
    assert any(missing[:12] in w for w in result.warnings)
    assert device.outbox()[op].state == "acked"
    assert (live_server.blob_dir / sha[:2] / sha).read_bytes() == photo
    assert Blob.get_by_id(sha).uploaded
    headers = {"Authorization": f"Bearer {device.token}"}
    got = httpx.get(f"{live_server.url}/api/v1/blobs/{sha}", headers=headers)
    assert got.content == photo
    bad = httpx.put(f"{live_server.url}/api/v1/blobs/{'0' * 64}", content=photo, headers=headers)
    assert bad.status_code == 400 and "sha256" in bad.json()["message"]


def test_photos_are_counted_on_the_sync_screen_as_they_go_up(make_device, seed, live_server):
    """The sync screen's photo bar counts the photos of every waiting op, 0 of 3 up to 3 of
    3, one step per photo sent, before the records go (photos down have a bar step later)."""
    device = make_device("a").enroll("p-insp")
    shas = []
    for n in range(3):
        photo = b"\xff\xd8 pretend jpeg %d \xff\xd9" % n * 50
        shas.append(hashlib.sha256(photo).hexdigest())
        (device.home / "blobs" / f"{shas[-1]}.jpg").write_bytes(photo)
    device.enqueue(
        "inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp", photos=shas[:2])
    )
    device.enqueue(
        "inspection.submit", inspection_submit(seed.venues["DM-0002"], "p-insp", photos=shas[2:])
    )
    shown: list[tuple[str, int, int]] = []
    with device.client() as client:
        result = client.sync_once(lambda phase, done, total: shown.append((phase, done, total)))
    assert result.ok and result.blobs_uploaded == 3, result
    push = next(i for i, step in enumerate(shown) if step[0] == "push")
    assert shown[:push] == [("photos", 0, 3), ("photos", 1, 3), ("photos", 2, 3), ("photos", 3, 3)]


def test_server_errors_are_json_a_person_can_read(live_server):
    response = httpx.get(f"{live_server.url}/api/v1/pull")
    assert response.status_code == 401
    assert response.json()["error"] == "not_enrolled"
    too_big = httpx.post(
        f"{live_server.url}/api/v1/enroll",
        content=b"x" * (17 * 1024 * 1024),
        headers={"content-type": "application/json"},
    )
    assert too_big.status_code == 413 and "larger" in too_big.json()["message"]
    invalid = httpx.post(f"{live_server.url}/api/v1/enroll", json={"device_name": "x"})
    assert invalid.status_code == 422 and "code" in invalid.json()["message"]
    schema = httpx.get(f"{live_server.url}/openapi.json").json()
    assert {"/api/v1/push", "/api/v1/pull", "/api/v1/enroll", "/api/v1/health"} <= set(
        schema["paths"]
    )


def test_plain_http_only_for_loopback_unless_allowed():
    assert check_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
    assert check_url("http://localhost:8765") == "http://localhost:8765"
    assert check_url("https://town.example") == "https://town.example"
    with pytest.raises(InsecureURL, match="https"):
        check_url("http://10.0.0.5:8765")
    assert check_url("http://10.0.0.5:8765", allow_insecure_http=True)
    # The sync client itself: refused by default, allowed when the office says so
    # (`fieldapp sync --insecure-http` on a network it trusts).
    with pytest.raises(InsecureURL, match="plain http"):
        SyncClient("http://10.0.0.5:8765", "token", "dev-1")
    with SyncClient("http://10.0.0.5:8765/", "token", "dev-1", allow_insecure_http=True) as lan:
        assert lan.base_url == "http://10.0.0.5:8765"


def test_backoff_is_exponential_with_full_jitter_capped_at_five_minutes():
    backoff = Backoff(base=1.0, cap=300.0, rng=random.Random(4))
    for attempt in range(20):
        delays = [backoff.delay(attempt) for _ in range(200)]
        ceiling = min(300.0, 2.0**attempt)
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # full jitter spreads over the whole range
    assert max(backoff.delay(50) for _ in range(100)) <= 300.0


# --- against a scripted transport: what the client does with each kind of answer -------


@pytest.fixture
def store(home):
    SyncState.insert(id=1, device_id="dev-1", person="p-insp", server_epoch="e1").execute()
    payload = {"daily": 1}
    for _ in range(3):
        Outbox.insert(
            op_id=f"op-{Outbox.select().count()}", type="daily_report.submit",
            payload=canonical_json(payload), payload_hash=payload_hash(payload), created_at="t",
        ).execute()  # fmt: skip
    return home


def _client(handler, sleeps):
    return SyncClient(
        "http://127.0.0.1:9", "token", "dev-1",
        transport=httpx.MockTransport(handler), sleep=sleeps.append,
        backoff=Backoff(rng=random.Random(1)), max_retries=3,
    )  # fmt: skip


def _ok(request: httpx.Request) -> httpx.Response:
    ops = json.loads(request.content)["ops"]
    results = [{"op_id": op["op_id"], "status": "applied"} for op in ops]
    return httpx.Response(200, json={"epoch": "e1", "results": results})


def test_5xx_and_429_are_retried_with_backoff(store):
    sleeps: list[float] = []
    answers = iter([httpx.Response(503), httpx.Response(429, headers={"retry-after": "7"}), None])

    def handler(request):
        answer = next(answers)
        return answer if answer is not None else _ok(request)

    with _client(handler, sleeps) as client:
        result = client.push()
    assert result.pushed == 3
    assert len(sleeps) == 2 and 0 <= sleeps[0] <= 1 and sleeps[1] >= 7
    assert {r.state for r in Outbox.select()} == {"acked"}


def test_network_errors_leave_ops_pending_and_count_attempts(store):
    sleeps: list[float] = []

    def handler(request):
        raise httpx.ConnectError("connection refused")

    with _client(handler, sleeps) as client:
        result = client.sync_once()
    assert result.errors and "cannot reach" in result.errors[0]
    assert result.retry_in is not None and 0 <= result.retry_in <= 300
    assert result.pending == 3 and not result.ok
    # Each wait is the backoff's own draw: a dropped connection asks for no wait of its own.
    same_draws = Backoff(rng=random.Random(1))
    assert sleeps == [same_draws.delay(attempt) for attempt in range(3)]


def test_a_4xx_marks_only_the_op_it_is_about_rejected(store):
    def handler(request):
        ops = json.loads(request.content)["ops"]
        if any(op["op_id"] == "op-1" for op in ops):
            return httpx.Response(422, json={"error": "invalid_request", "message": "bad op-1"})
        return _ok(request)

    with _client(handler, []) as client:
        result = client.push()
    states = {r.op_id: (r.state, r.last_error) for r in Outbox.select()}
    assert states["op-0"][0] == states["op-2"][0] == "acked"
    assert states["op-1"][0] == "rejected" and "bad op-1" in states["op-1"][1]
    assert [r.op_id for r in result.rejected] == ["op-1"]
