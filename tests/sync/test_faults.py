"""The fault suite (marker `fault`): a device killed with SIGKILL at random points of push
and pull, the server killed in the middle of a push, and a proxy that drops, resets,
delays and truncates connections. After recovery the server holds every op exactly once
and the device holds what the server holds (invariants 1, 2 and 7). Trial counts are
printed at the end of the run (`fault trials [...]: ...`).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from fault_tools import (
    TRIALS,
    ChaosProxy,
    applied_count,
    assert_device_equals_server,
    assert_exactly_once,
    backend_of,
)
from sync_world import (
    REPO,
    Device,
    LiveServer,
    daily_report,
    event,
    finding_event,
    inspection_submit,
)

from sync.client import SyncClient
from sync.client.base import Backoff

pytestmark = [pytest.mark.fault, pytest.mark.slow]

DRIVER = Path(__file__).with_name("fault_driver.py")
PUSH_POINTS = ("push-before-send", "push-after-answer", "push-in-record")
PULL_POINTS = ("pull-after-response", "pull-in-page")
# Kills per kind (push, pull), each run; the trials go on until every point of
# PUSH_POINTS and PULL_POINTS and a kill from outside have each landed at least once.
KILL_TRIALS = 6
MAX_TRIALS = 40
V1_GRIDS = ("V1", "A1")


def _work(device: Device, seed: dict[str, str], n: int, rng: random.Random) -> Counter[str]:
    """Queue a small day's work on the device: inspections with a finding each, the
    rectification of some of them reported, a daily report."""
    device.open()
    made: Counter[str] = Counter()
    for _ in range(n):
        venue = seed[rng.choice(["DM-0001", "DM-0002"])]
        submit = inspection_submit(venue, "p-insp")
        device.enqueue("inspection.submit", submit)
        made.update(inspection=1, event=1)
        finding = submit["findings"][0]
        if rng.random() < 0.7:
            opened = finding["events"][0]["id"]
            report = event("rectification_reported", "p-insp", base=opened)
            device.enqueue("finding.event", finding_event(finding["id"], report))
            made.update(event=1)
    device.enqueue("daily_report.submit", daily_report("V1", "p-insp"))
    made.update(daily_report=1)
    return made


def _others_work(other: Device, seed: dict[str, str]) -> None:
    """Another person's findings in the victim's grid, so pulls have pages to kill."""
    other.open()
    for code in ("DM-0001", "DM-0002"):
        other.enqueue("inspection.submit", inspection_submit(seed[code], "p-sup2", findings=2))
    with other.client() as client:
        assert client.sync_once().ok


def _run_driver(device: Device, point: str, nth: int, kill_after: float | None) -> bool:
    """Run the driver; True when it died by SIGKILL."""
    args = [sys.executable, str(DRIVER), str(device.home / "fieldapp.sqlite3"),
            str(device.home / "blobs"), point, str(nth), "2", "3"]  # fmt: skip
    process = subprocess.Popen(
        args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**_env()}
    )
    if kill_after is not None:
        try:
            process.wait(kill_after)
        except subprocess.TimeoutExpired:
            process.kill()
    out, err = process.communicate(timeout=60)
    if process.returncode == -9:
        return True
    assert process.returncode == 0, err.decode()[-2000:]
    assert json.loads(out.decode().strip().splitlines()[-1])["rejected"] == 0
    return False


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO)}


def test_device_killed_at_random_points_of_push_and_pull(make_device, seed, server_db_url):
    """What dies here is the device; the server's engine is tested by the two tests below
    (on PostgreSQL too), so this one runs its trials on SQLite only, to stay quick."""
    backend = backend_of(server_db_url)
    if backend != "sqlite":
        pytest.skip("device-kill trials run against the SQLite server")
    rng = random.Random(20260610)
    victim = make_device("victim").enroll("p-insp")
    other = make_device("other").enroll("p-sup2")
    expected: Counter[str] = Counter()
    killed: Counter[str] = Counter()
    landed: Counter[str] = Counter()  # kills by point ("none": from outside)
    every_point = (*PUSH_POINTS, *PULL_POINTS, "none")
    trial = 0
    while (
        min(killed["kill-push"], killed["kill-pull"]) < KILL_TRIALS
        or min(landed[point] for point in every_point) == 0
    ):
        trial += 1
        assert trial < MAX_TRIALS, f"kills did not land: {killed} {landed}"
        _others_work(other, seed.venues)
        expected += _work(victim, seed.venues, rng.randint(1, 3), rng)
        if trial % 6 == 0:  # now and then a kill from outside, after a random delay
            point, kind, after = "none", "kill-random", rng.uniform(0.2, 1.0)
        else:  # push and pull by turns, a random point and occurrence within each
            kind = "kill-push" if killed["kill-push"] <= killed["kill-pull"] else "kill-pull"
            point = rng.choice(PUSH_POINTS if kind == "kill-push" else PULL_POINTS)
            after = None
        if _run_driver(victim, point, rng.randint(1, 3), after):
            killed[kind] += 1
            landed[point] += 1
        # restart: a fresh sync finishes the work
        with victim.client(batch_size=2, page_size=3) as client:
            result = client.sync_once()
        assert result.ok, result
        assert_exactly_once(victim, "p-insp", expected)
        assert_device_equals_server(victim, V1_GRIDS)
    TRIALS[backend].update(killed)
    TRIALS[backend].update({f"kill-at-{point}": n for point, n in landed.items()})


def test_server_killed_in_the_middle_of_a_push(seed, server_db_url, server_workdir, tmp_path):
    """Each op's transaction is held a little (test-only delay) so the kill lands mid-push;
    the client retries through the outage and every op is applied once."""
    server = LiveServer(
        server_db_url, server_workdir, env={"FIELDAPP_SERVER_TEST_APPEND_DELAY": "0.03"}
    )
    server.start()
    try:
        device = Device(tmp_path / "devices" / "pusher", server).enroll("p-insp")
        rng = random.Random(7)
        expected: Counter[str] = Counter()
        trials = 4
        for _ in range(trials):
            expected += _work(device, seed.venues, 12, rng)
            before = applied_count(device.device_id)
            target = before + rng.randint(1, 15)
            failure: list[BaseException] = []

            def push(failure: list[BaseException] = failure) -> None:
                try:
                    # Retries outlast a restart that takes the whole of the server's
                    # start timeout (30 s): on a loaded machine 60 × 0.5 s did not.
                    backoff = Backoff(base=0.1, cap=0.5)
                    with device.client(batch_size=5, max_retries=240, backoff=backoff,
                                       sleep=time.sleep) as client:  # fmt: skip
                        client.push()
                except BaseException as error:  # reported to the test thread
                    failure.append(error)

            pusher = threading.Thread(target=push)
            pusher.start()
            deadline = time.monotonic() + 30
            while applied_count(device.device_id) < target and time.monotonic() < deadline:
                time.sleep(0.01)
            server.kill()
            time.sleep(rng.uniform(0.05, 0.3))
            server.start()
            pusher.join(60)
            assert not pusher.is_alive() and not failure, failure
            with device.client() as client:
                assert client.sync_once().ok
            assert_exactly_once(device, "p-insp", expected)
            assert_device_equals_server(device, V1_GRIDS)
        TRIALS[backend_of(server_db_url)]["server-kill"] += trials
    finally:
        server.stop()


def test_outbox_drains_through_a_proxy_that_drops_resets_delays_and_truncates(
    make_device, seed, live_server, server_db_url
):
    device = make_device("flaky").enroll("p-insp")
    rng = random.Random(11)
    expected = _work(device, seed.venues, 30, rng)
    with ChaosProxy(live_server.port, seed=3) as proxy:
        device.open()
        backoff = Backoff(base=0.01, cap=0.05)
        client = SyncClient(proxy.url, device.token, device.device_id, batch_size=4,
                            page_size=5, max_retries=2, backoff=backoff, sleep=time.sleep,
                            timeout=5.0)  # fmt: skip
        rounds = 0
        with client:
            while True:
                rounds += 1
                assert rounds < 300, "the outbox did not drain"
                result = client.sync_once()
                if result.ok:
                    break
        faults = sum(proxy.faults.values())
        assert faults >= 10, proxy.faults
    with device.client() as direct:
        assert direct.sync_once().ok
    assert_exactly_once(device, "p-insp", expected)
    assert_device_equals_server(device, V1_GRIDS)
    counts = TRIALS[backend_of(server_db_url)]
    counts.update({"proxy-rounds": rounds, "proxy-connections": proxy.connections})
    counts.update({f"proxy-{kind}": n for kind, n in proxy.faults.items()})
