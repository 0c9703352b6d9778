"""What a browser shows when `fieldapp web` itself goes away (stopped, crashed): the page
asked /session when its terminal closed, that fetch failed, and the page stayed a frozen
terminal with no word. Now it says the connection was lost, in the session's language;
Reconnect keeps that message while `fieldapp web` is still away (not the browser's error
page) and, once it is back, leads on: to the sign-in page in that language, the stop
having signed the session out. A real headless Chromium against a real `fieldapp web` and
central server on loopback (the `world` of test_web.py)."""

from __future__ import annotations

import signal
from typing import Any

import pytest
from test_web import ARGS, CHROMIUM, start_front, world  # noqa: F401 (world: fixture)
from test_web_connection_lost import SAID
from test_web_sign_out import HEADING, _signed_in


@pytest.mark.parametrize(("lang", "stop"), [("zh", signal.SIGTERM), ("en", signal.SIGKILL)])
def test_a_web_front_gone_says_the_connection_was_lost_and_reconnect_waits_for_it(
    world: dict[str, Any],  # noqa: F811 (the fixture)
    lang: str,
    stop: signal.Signals,
) -> None:
    from playwright.sync_api import sync_playwright

    _html_lang, lost, reconnect, _sign_out, _signed_out, _heading = SAID[lang]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = _signed_in(browser, world["base"], lang)
        world["front"].send_signal(stop)  # stopped (SIGTERM), or crashed (SIGKILL)
        world["front"].wait(60)
        message = page.locator(".closed-dialog .message")
        message.wait_for(state="visible", timeout=30_000)
        assert message.inner_text() == lost
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
