"""What a browser shows when `fieldapp web` itself dies (crashed, OOM-killed): the page
asked /session when its terminal closed, that fetch failed, and the page stayed a frozen
terminal with no word. Now it says the connection was lost, in the session's language;
Reconnect keeps that message while `fieldapp web` is still away (not the browser's error
page) and, once it is back, leads on: to the sign-in page in that language. A stop on
purpose (SIGTERM) says the service stopped instead: tests/sync/test_web_stop_said.py. A
real headless Chromium against a real `fieldapp web` and central server on loopback (the
`world` of test_web.py)."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from typing import Any

import pytest
from test_web import ARGS, CHROMIUM, start_front, world  # noqa: F401 (world: fixture)
from test_web_connection_lost import SAID
from test_web_sign_out import HEADING, _signed_in


def _session_programs(web_home: Path) -> list[int]:
    """The pids of the programs running with a session store of `web_home` as their home."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            environ = (proc / "environ").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue
        if any(v.startswith(b"FIELDAPP_HOME=" + bytes(web_home)) for v in environ):
            found.append(int(proc.name))
    return found


def _gone(pids: list[int], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() and not _zombie(pid) for pid in pids):
            return True
        time.sleep(0.2)
    return False


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_web_front_gone_says_the_connection_was_lost_and_reconnect_waits_for_it(
    world: dict[str, Any],  # noqa: F811 (the fixture)
    lang: str,
) -> None:
    from playwright.sync_api import sync_playwright

    _html_lang, lost, reconnect, _sign_out, _signed_out, _heading = SAID[lang]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = _signed_in(browser, world["base"], lang)
        programs = _session_programs(world["web_home"])
        assert programs, "no program runs behind the signed-in terminal"
        world["front"].send_signal(signal.SIGKILL)  # crashed: the terminal closes as 1006
        world["front"].wait(60)
        message = page.locator(".closed-dialog .message")
        message.wait_for(state="visible", timeout=30_000)
        assert message.inner_text() == lost
        assert _gone(programs), "the session's program outlived fieldapp web"
        with page.expect_event("requestfailed"):  # fieldapp web is still away
            page.get_by_role("button", name=reconnect).click()
        assert page.url.endswith(f"/?lang={lang}") and message.is_visible()
        again = start_front(world["server"].url, world["port"], world["web_home"],
                            world["tmp"] / "web.log")  # fmt: skip
        try:
            page.get_by_role("button", name=reconnect).click()
            page.wait_for_url(f"**/login?lang={lang}", timeout=30_000)
            assert HEADING[lang] in page.locator("h1").inner_text()
        finally:
            browser.close()
            again.terminate()
            again.wait(30)
