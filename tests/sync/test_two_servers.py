"""Two servers on one PostgreSQL behind nginx, through a network that drops, resets,
delays and truncates: requests alternate between the servers, every op is applied
exactly once, the device converges with the server, and blobs — photos whole, a video
part by part — uploaded through one server are downloaded through the other."""

from __future__ import annotations

import hashlib
import os
import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fault_tools import TRIALS, ChaosProxy, assert_device_equals_server, assert_exactly_once
from load_balancer import NGINX, Nginx
from sync_world import (
    PG_URL,
    Device,
    LiveServer,
    create_pg_database,
    drop_pg_database,
    event,
    finding_event,
    inspection_submit,
    seed_server,
)

from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from sync.client import SyncClient
from sync.client.base import Backoff
from sync.protocol import API_PREFIX
from sync.server.blob_store.database import DatabaseBlobStore

pytestmark = [
    pytest.mark.fault,
    pytest.mark.slow,
    pytest.mark.skipif(not PG_URL, reason="needs FIELDAPP_TEST_PG_URL (one PostgreSQL)"),
    pytest.mark.skipif(not NGINX, reason="needs nginx (Debian's package) as the balancer"),
]

VIDEO_SIZE = 3 * 1024 * 1024 + 12345  # seven 512 KB parts: they alternate between servers


@pytest.fixture
def city(tmp_path: Path) -> Iterator[tuple[dict[str, str], list[LiveServer], Nginx]]:
    url = create_pg_database()
    servers: list[LiveServer] = []
    balancer = None
    try:
        seed = seed_server(url, tmp_path)
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
            servers.append(LiveServer(url, tmp_path / name, blob_store="database"))
            servers[-1].start()
        balancer = Nginx([s.port for s in servers], tmp_path / "nginx")
        balancer.start()
        yield seed.venues, servers, balancer
    finally:
        if balancer:
            balancer.stop()
        for server in servers:
            server.stop()
        drop_pg_database(url)


def _photo(device: Device, n: int) -> str:
    data = b"\xff\xd8" + f"photo {n} ".encode() * 500 + os.urandom(64) + b"\xff\xd9"
    sha = hashlib.sha256(data).hexdigest()
    (device.home / "blobs" / f"{sha}.jpg").write_bytes(data)
    return sha


def _work(device: Device, venues: dict[str, str], n: int, rng: random.Random) -> Counter[str]:
    device.open()
    made: Counter[str] = Counter()
    for i in range(n):
        venue = venues[rng.choice(["DM-0001", "DM-0002"])]
        submit = inspection_submit(venue, "p-insp", photos=[_photo(device, i)])
        device.enqueue("inspection.submit", submit)
        made.update(inspection=1, event=1)
        if rng.random() < 0.6:
            finding = submit["findings"][0]
            reported = event("rectification_reported", "p-insp", base=finding["events"][0]["id"])
            device.enqueue("finding.event", finding_event(finding["id"], reported))
            made.update(event=1)
    return made


def test_two_servers_behind_nginx_keep_exactly_once_and_share_blobs(
    city, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    venues, servers, balancer = city
    inspector = Device(tmp_path / "devices" / "insp", balancer).enroll("p-insp")
    monkeypatch.setenv("FIELDAPP_HOME", str(inspector.home))
    expected = _work(inspector, venues, 24, random.Random(16))
    video = tmp_path / "fireworks.mp4"
    video.write_bytes(os.urandom(VIDEO_SIZE))
    video_sha = hashlib.sha256(video.read_bytes()).hexdigest()
    with inspector.client() as first_pull:  # the device learns its grids
        first_pull.pull()
    report_incident(
        IncidentReport("fireworks_sale", "2026-02-04 06:40", "路口摆摊卖烟花", address="鼎美村口",
                       files=[str(video)])
    )  # fmt: skip
    store = DatabaseBlobStore()
    with ChaosProxy(balancer.port, seed=16) as proxy:
        client = SyncClient(proxy.url, inspector.token, inspector.device_id, batch_size=3,
                            page_size=4, max_retries=2, backoff=Backoff(base=0.01, cap=0.05),
                            sleep=time.sleep, timeout=10.0,
                            blob_path=lambda s: inspector.home / "blobs" / f"{s}.jpg")  # fmt: skip
        rounds = 0
        with client:
            while True:
                rounds += 1
                assert rounds < 400, "did not converge through the balancer"
                result = client.sync_once()
                if result.ok and store.size(video_sha) is not None and not result.blobs_waiting:
                    break
        assert sum(proxy.faults.values()) >= 10, proxy.faults
    with inspector.client(blob_path=lambda s: inspector.home / "blobs" / f"{s}.jpg") as direct:
        assert direct.sync_once().ok
    assert_exactly_once(inspector, "p-insp", expected)
    assert_device_equals_server(inspector, ("V1", "A1"))
    for server in servers:  # the balancer really spread the work, uploads included
        assert server.requests(f"{API_PREFIX}/push") >= 3, server.log_path.read_text()[-800:]
        assert server.requests("/upload") >= 1
    assert hashlib.sha256(b"".join(store.read(video_sha))).hexdigest() == video_sha

    # A photo put through one server comes back, byte for byte, through the other.
    data = b"\xff\xd8 handed over at the door \xff\xd9"
    sha = hashlib.sha256(data).hexdigest()
    headers = {"Authorization": f"Bearer {inspector.token}"}
    first, second = (f"{s.url}{API_PREFIX}/blobs/{sha}" for s in servers)
    assert httpx.put(first, content=data, headers=headers).status_code == 201
    assert httpx.put(second, content=data, headers=headers).status_code == 200  # held: one copy
    answer = httpx.get(second, headers=headers)
    assert answer.status_code == 200 and answer.content == data
    assert httpx.head(first, headers=headers).headers["content-length"] == str(len(data))
    TRIALS["postgresql"].update(
        {"lb-rounds": rounds, "lb-connections": proxy.connections, "lb-servers": len(servers)}
    )


def test_a_server_killed_mid_push_behind_nginx_loses_nothing(city, tmp_path: Path) -> None:
    """One of the two servers dies while a device pushes through the balancer; the
    device's retries reach the other, and once the dead one is back every op is there
    exactly once."""
    venues, servers, balancer = city
    device = Device(tmp_path / "devices" / "pusher", balancer).enroll("p-insp")
    expected = _work(device, venues, 30, random.Random(7))
    failure: list[BaseException] = []

    def push() -> None:
        try:
            with device.client(batch_size=2, max_retries=60, sleep=time.sleep,
                               backoff=Backoff(base=0.05, cap=0.3)) as client:  # fmt: skip
                client.push()
        except BaseException as error:  # reported to the test thread
            failure.append(error)

    pusher = threading.Thread(target=push)
    pusher.start()
    deadline = time.monotonic() + 30
    while servers[0].requests(f"{API_PREFIX}/push") < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    servers[0].kill()
    pusher.join(120)
    assert not pusher.is_alive() and not failure, failure
    servers[0].start()
    with device.client() as client:
        assert client.sync_once().ok
    assert_exactly_once(device, "p-insp", expected)
    assert_device_equals_server(device, ("V1", "A1"))
    assert servers[1].requests(f"{API_PREFIX}/push") >= 3  # the survivor took the rest
    TRIALS["postgresql"]["lb-server-kill"] += 1
