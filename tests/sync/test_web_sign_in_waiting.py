"""A web sign-in answers only once the session's store is enrolled and synced; with 50,000
venues in the user's grid that took a minute and more, and the page showed only its note
(请稍候) with the button still live, so people clicked again or left. Once the form is sent
the button is now disabled and says 正在登录…… / Signing in…, and the page says what is
being done and not to close or reload it. A real `fieldapp web` in headless Chromium, in
front of a central server that takes a few seconds to answer."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_web import ARGS, CHROMIUM, _port, pytestmark, start_front  # noqa: F401
from wrong_servers import _serving

SAID = {
    "zh": ("正在登录……", "为本次会话准备数据、与服务器同步", "请不要关闭或刷新页面。",
           "用户名或密码不正确"),
    "en": ("Signing in…", "preparing this session's data and syncing it",
           "Please do not close or reload the page.", "Wrong user name or password"),
}  # fmt: skip


# What the page showed as the form went, noted where the next page can read it: while the
# answer is awaited, the browser runs no script of the test's on the page.
NOTE_THE_FORM_AS_SENT = """
document.addEventListener("submit", () => {
  const button = document.querySelector("button[type=submit]");
  const said = document.querySelector(".preparing");
  sessionStorage.setItem("sent", JSON.stringify({
    disabled: button.disabled, button: button.textContent,
    said: said && !said.hidden ? said.textContent : "",
  }));
});
"""


@contextmanager
def slow_refusal(seconds: float) -> Iterator[str]:
    """A central server that refuses every sign-in after `seconds`."""

    class Slow(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length") or 0))
            time.sleep(seconds)
            body = b'{"error": "sign_in_refused"}'
            self.send_response(401)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    yield from _serving(ThreadingHTTPServer(("127.0.0.1", 0), Slow))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_says_it_is_signing_in_and_takes_one_click(tmp_path: Path, lang: str) -> None:
    from playwright.sync_api import sync_playwright

    busy, doing, stay, refused = SAID[lang]
    with slow_refusal(4) as server:
        port = _port()
        front = start_front(server, port, tmp_path / "web", tmp_path / "web.log")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page()
                page.add_init_script(NOTE_THE_FORM_AS_SENT)
                page.goto(f"http://127.0.0.1:{port}/login?lang={lang}")
                assert not page.locator(".preparing").is_visible()
                page.fill("#username", "li")
                page.fill("#password", "a password long enough")
                page.click("button[type=submit]")
                page.wait_for_selector(".error", timeout=30_000)  # the answer, in the end
                assert refused in page.locator(".error").inner_text()
                sent = json.loads(page.evaluate("sessionStorage.getItem('sent')"))
                assert sent["disabled"] and sent["button"] == busy, sent
                assert sent["said"] and doing in sent["said"] and stay in sent["said"], sent
                assert page.locator("button[type=submit]").is_enabled()
                browser.close()
        finally:
            front.terminate()
            front.wait(30)
