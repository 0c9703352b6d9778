"""`fieldapp web` in a real headless Chromium (Debian's, driven by Playwright): office staff
sign in, work the review queue in the browser, and the inspector's device sees the result.

Real parts throughout: the central server and the web front are subprocesses on loopback,
each browser session gets an office store enrolled and synced through the protocol.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sync_world import (
    REPO,
    Device,
    LiveServer,
    event,
    finding_event,
    inspection_submit,
    seed_server,
)

from fieldapp.store.models import Finding as DeviceFinding
from sync.server import db as server_db
from sync.server import web_users
from sync.server.models import FindingEvent

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
PASSWORD = "correct horse battery"

pytestmark = pytest.mark.slow
if not os.path.exists(CHROMIUM):
    pytestmark = [pytestmark, pytest.mark.skip(reason="apt-get install chromium (CI does)")]


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def world(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A server with a hazard reported fixed in V1, a web user for the town's supervisor,
    and `fieldapp web` in front of it."""
    url = f"sqlite:///{tmp_path / 'server' / 'server.sqlite3'}"
    (tmp_path / "server").mkdir()
    seed = seed_server(url, tmp_path / "server")
    with server_db.current().connection_context():
        web_users.add_user("li", "p-sup", PASSWORD)
    server = LiveServer(url, tmp_path / "server", env={"FIELDAPP_ALERTS_EVERY": "0"})
    server.start()
    inspector = Device(tmp_path / "inspector", server).enroll("p-insp")
    submitted = inspection_submit(seed.venues["DM-0001"], "p-insp")
    finding = submitted["findings"][0]
    fixed = event("rectification_reported", "p-insp", base=finding["events"][0]["id"],
                  at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"))  # fmt: skip
    inspector.enqueue("inspection.submit", submitted)
    inspector.enqueue("finding.event", finding_event(finding["id"], fixed))
    with inspector.client() as client:
        assert client.sync_once().pushed == 2
    port = _port()
    web_home = tmp_path / "web"
    front = start_front(server.url, port, web_home, tmp_path / "web.log")
    try:
        yield {"base": f"http://127.0.0.1:{port}", "server": server, "inspector": inspector,
               "finding": finding["id"], "web_home": web_home, "tmp": tmp_path,
               "front": front, "port": port}  # fmt: skip
    finally:
        front.terminate()
        front.wait(30)
        server.stop()


def start_front(server_url: str, port: int, web_home: Path, log_path: Path) -> Any:
    """`fieldapp web` on loopback at `port` (a Popen), once it answers."""
    with open(log_path, "ab") as log:
        front = subprocess.Popen(
            [sys.executable, "-m", "fieldapp", "web", "--server", server_url, "--port", str(port),
             "--home", str(web_home)],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    return front


def _sign_in(browser: Any, base: str, username: str, password: str) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(f"{base}/")
    assert page.url.endswith("/login")  # no session: the page asks to sign in
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    return page


def _wait(condition: Any, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_supervisor_verifies_a_hazard_in_the_browser(world: dict[str, Any]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        wrong = _sign_in(browser, world["base"], "li", "not the password")
        assert "用户名或密码不正确" in wrong.locator(".error").inner_text()  # the page's language
        page = _sign_in(browser, world["base"], "li", PASSWORD)
        page.wait_for_url("**/?lang=zh", timeout=90_000)
        page.wait_for_selector(".xterm-screen", timeout=30_000)
        time.sleep(4)  # the TUI draws its home screen
        page.click("body")
        page.keyboard.press("F5")  # the review queue: the hazard reported fixed is first
        time.sleep(3)
        page.keyboard.press("v")  # verify
        time.sleep(2)
        page.keyboard.press("F10")  # confirm
        time.sleep(2)
        page.screenshot(path=str(world["tmp"] / "review.png"))
        page.keyboard.press("F12")  # sync now
        with server_db.current().connection_context():
            _wait(lambda: FindingEvent.get_or_none(
                (FindingEvent.finding == world["finding"]) & (FindingEvent.type == "verified")))  # fmt: skip
        # A second session, of the same user, gets a store of its own.
        second = _sign_in(browser, world["base"], "li", PASSWORD)
        second.wait_for_url("**/?lang=zh", timeout=90_000)
        sessions = sorted(p for p in world["web_home"].iterdir() if p.is_dir())
        assert len(sessions) == 2
        for home in sessions:
            assert stat.S_IMODE(home.stat().st_mode) == 0o700
            assert (home / "fieldapp.sqlite3").exists()
        # Signing out syncs the session's store, then deletes it; the other one stays.
        cookie = {c["name"]: c["value"] for c in page.context.cookies()}
        out = httpx.post(
            f"{world['base']}/logout", cookies=cookie, follow_redirects=False, timeout=60
        )  # it syncs first
        assert out.status_code == 302 and out.headers["location"] == "/login?lang=zh&signed_out=1"
        assert len([p for p in world["web_home"].iterdir() if p.is_dir()]) == 1
        browser.close()
    inspector = world["inspector"]
    with inspector.client() as client:
        assert client.sync_once().ok
    assert DeviceFinding.get_by_id(world["finding"]).state == "closed"


def test_no_terminal_without_a_session(world: dict[str, Any]) -> None:
    base = world["base"]
    assert httpx.get(f"{base}/", follow_redirects=False).headers["location"] == "/login"
    refused = httpx.get(f"{base}/ws")  # no session, so no language: said in both
    assert refused.status_code == 401
    assert refused.text == "请先登录：/login\nSign in first: /login"
    assert httpx.get(f"{base}/ws?lang=en").text == "Sign in first: /login"
    assert httpx.get(f"{base}/ws?lang=zh").text == "请先登录：/login"
    forged = httpx.get(f"{base}/", cookies={"fieldapp_session": "guess"}, follow_redirects=False)
    assert forged.status_code == 302


def test_repeated_wrong_passwords_lock_the_name(world: dict[str, Any]) -> None:
    login = f"{world['server'].url}/api/v1/web/login"
    for _ in range(web_users.MAX_FAILURES):
        assert httpx.post(login, json={"username": "li", "password": "nope"}).status_code == 401
    locked = httpx.post(login, json={"username": "li", "password": PASSWORD})
    assert locked.status_code == 423 and "locked" in locked.json()["message"]
    unknown = httpx.post(login, json={"username": "nobody", "password": "nope"})
    assert unknown.json()["message"] == "wrong user name or password"  # says nothing more
    nul = httpx.post(login, json={"username": "li\u0000", "password": "nope"})
    assert nul.status_code == 422  # refused as malformed, never a 500


def test_a_network_address_needs_tls_or_an_explicit_proxy_flag() -> None:
    refused = subprocess.run(
        [sys.executable, "-m", "fieldapp", "web", "--server", "http://127.0.0.1:9", "--host",
         "0.0.0.0"], cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert refused.returncode == 2 and "--tls-cert" in refused.stderr
