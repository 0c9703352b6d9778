"""Alerts reach the grid office's group robot at least once, and never hold up a push.

A real server process with the alert loop on, a real HTTP receiver on loopback that
fails its first attempts, and devices pushing through the real client.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sync_world import Device, LiveServer, daily_report, inspection_submit

from sync.server import db as server_db
from sync.server.admin_models import AlertMessage
from sync.server.alerts import channels
from sync.server.alerts.notice import notice_changes, notice_clock
from sync.server.alerts.rules import RuleRefused, add_rule
from sync.server.alerts.sender import deliver_pending
from sync.server.models import Finding


class Receiver:
    """A group robot stand-in: answers 500 to the first `failures` posts, then
    `{"errcode": 0}`; `gate` (when cleared) holds every answer until it is set."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.posts: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self.accepted: list[dict[str, Any]] = []
        self.gate = threading.Event()
        self.gate.set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                receiver.gate.wait(30)
                receiver.posts.append(body)
                receiver.paths.append(self.path)
                ok = len(receiver.posts) > receiver.failures
                if ok:
                    receiver.accepted.append(body)
                answer = json.dumps({"errcode": 0 if ok else 500, "errmsg": "ok"}).encode()
                self.send_response(200 if ok else 500)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/cgi-bin/webhook/send?key=k"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.gate.set()
        self.server.shutdown()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made = Receiver(failures=2)
    yield made
    made.close()


def _wait(condition: Any, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def _major(payload: dict[str, Any]) -> dict[str, Any]:
    payload["findings"][0]["severity"] = "major"
    payload["findings"][0]["description"] = "使用期间出口锁闭"
    return payload


def test_a_major_hazard_reaches_the_wecom_robot_once_after_failed_attempts(
    seed, server_db_url: str, server_workdir: Path, tmp_path: Path, receiver: Receiver
) -> None:
    with server_db.current().connection_context():
        add_rule("T1", "major_hazard", "wecom", receiver.url)
    server = LiveServer(
        server_db_url,
        server_workdir,
        env={"FIELDAPP_ALERTS_EVERY": "0.1", "FIELDAPP_ALERTS_BACKOFF_BASE": "0.05"},
    )
    server.start()
    try:
        device = Device(tmp_path / "a", server).enroll("p-insp")
        major = _major(inspection_submit(seed.venues["DM-0001"], "p-insp", findings=2))
        device.enqueue("inspection.submit", major)
        device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0002"], "p-insp"))
        with device.client() as client:
            assert client.sync_once().pushed == 2
        _wait(lambda: receiver.accepted)
        time.sleep(0.5)  # a second delivery, if there were one, would have come by now
    finally:
        server.stop()

    assert len(receiver.posts) == 3  # two refused by the robot, the third taken
    assert len(receiver.accepted) == 1  # the general finding and the other venue: no alert
    body = receiver.accepted[0]
    assert body["msgtype"] == "markdown"
    content = body["markdown"]["content"]
    assert "【重大隐患】" in content and "鼎美村·福顺小旅馆(示例)" in content
    assert "DM-0001" in content and "使用期间出口锁闭" in content and "张三" in content
    with server_db.current().connection_context():
        message = AlertMessage.get()
        assert (message.state, message.attempts, message.last_error) == ("sent", 3, "")


def test_a_push_is_not_held_up_by_a_receiver_that_does_not_answer(
    seed, server_db_url: str, server_workdir: Path, tmp_path: Path, receiver: Receiver
) -> None:
    receiver.failures = 0
    receiver.gate.clear()  # the robot hangs
    with server_db.current().connection_context():
        add_rule("V1", "major_hazard", "webhook", receiver.url)
    server = LiveServer(server_db_url, server_workdir, env={"FIELDAPP_ALERTS_EVERY": "0.1"})
    server.start()
    try:
        device = Device(tmp_path / "a", server).enroll("p-insp")
        for _ in range(3):
            device.enqueue(
                "inspection.submit", _major(inspection_submit(seed.venues["DM-0002"], "p-insp"))
            )
            with device.client() as client:
                result = client.sync_once()
            assert result.pushed == 1 and result.ok
        receiver.gate.set()
        _wait(lambda: len(receiver.accepted) == 3)
    finally:
        server.stop()
    assert {b["trigger"] for b in receiver.accepted} == {"major_hazard"}
    assert all(b["facts"]["venue_code"] == "DM-0002" for b in receiver.accepted)


def test_overdue_hazards_and_missing_reports_are_noticed_once(
    seed, tmp_path: Path, receiver: Receiver, live_server: LiveServer
) -> None:
    receiver.failures = 0
    device = Device(tmp_path / "a", live_server).enroll("p-insp")
    device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    device.enqueue("daily_report.submit", {**daily_report("V1", "p-insp"), "date": "2026-06-21"})
    with device.client() as client:
        assert client.sync_once().pushed == 2
    with server_db.current().connection_context():
        add_rule("T1", "hazard_overdue", "dingtalk", receiver.url, secret="SEC")
        add_rule("T1", "report_missing", "webhook", receiver.url)
        before_deadline = dt.datetime(2026, 6, 21, 9, 0, tzinfo=dt.UTC)  # 17:00 in China
        assert notice_clock(before_deadline) == 1  # the hazard due 2026-06-20; reports not yet
        after_deadline = dt.datetime(2026, 6, 21, 10, 30, tzinfo=dt.UTC)  # 18:30 in China
        assert notice_clock(after_deadline) == 2  # V1 filed; V2 and T1 (staffed) did not
        assert notice_clock(after_deadline) == 0  # noticed once
        assert notice_changes() == 0 or AlertMessage.select().count() == 3
        assert deliver_pending().sent == 3
        deadline = Finding.get().deadline
    by_path = dict(zip(receiver.paths, receiver.posts, strict=True))
    ding = [b for p, b in by_path.items() if "sign=" in p]
    assert len(ding) == 1 and ding[0]["msgtype"] == "markdown"
    assert "逾期" in ding[0]["markdown"]["title"] and deadline in ding[0]["markdown"]["text"]
    missing = sorted(b["grid_code"] for b in receiver.posts if b.get("trigger") == "report_missing")
    assert missing == ["T1", "V2"]


def test_dingtalk_signature_is_the_documented_hmac() -> None:
    url = channels.signed_dingtalk_url("https://oapi.example/robot/send?access_token=x", "SEC",
                                       now_ms=1700000000000)  # fmt: skip
    # base64(HMAC-SHA256(key="SEC", "1700000000000\nSEC")), URL-encoded
    assert url.startswith(
        "https://oapi.example/robot/send?access_token=x&timestamp=1700000000000&sign="
    )
    assert channels.delivered("dingtalk", 200, {"errcode": 310000, "errmsg": "sign not match"})
    assert channels.delivered("dingtalk", 200, {"errcode": 0}) is None
    assert channels.delivered("webhook", 204, None) is None


def test_a_rule_that_cannot_work_is_refused_with_what_to_change(seed) -> None:
    from fieldapp.i18n import written_in

    with server_db.current().connection_context(), written_in("en"):  # the CLI's --lang en
        with pytest.raises(RuleRefused, match="no grid NOPE"):
            add_rule("NOPE", "major_hazard", "wecom", "https://qyapi.example/send")
        with pytest.raises(RuleRefused, match="unknown channel"):
            add_rule("T1", "major_hazard", "sms", "https://x")
        with pytest.raises(RuleRefused, match="not a web address"):
            add_rule("T1", "major_hazard", "wecom", "qyapi.example")


def test_a_missed_patrol_window_is_noticed_once_with_the_posts_not_visited(
    seed, server_workdir: Path, receiver: Receiver
) -> None:
    from patrol_support import import_patrols

    receiver.failures = 0
    import_patrols(server_workdir)  # FW-01 over four checkpoints of V1, 06:30-09:00 daily
    with server_db.current().connection_context():
        add_rule("T1", "patrol_missed", "wecom", receiver.url)
        during = dt.datetime(2026, 2, 4, 0, 0, tzinfo=dt.UTC)  # 08:00 in China: still open
        assert notice_clock(during) == 0
        after = dt.datetime(2026, 2, 4, 1, 30, tzinfo=dt.UTC)  # 09:30: nobody walked it
        assert notice_clock(after) == 1
        assert notice_clock(after) == 0  # noticed once
        assert deliver_pending().sent == 1
    content = receiver.accepted[0]["markdown"]["content"]
    assert "【巡逻空岗漏岗】" in content and "春节烟花爆竹巡逻" in content
    assert "2026-02-04 06:30-09:00" in content
    assert "鼎美村东口" in content and "鼎美村消防室" in content and "张三" in content
