"""Signing out of `fieldapp web` on a shared office PC, in a real headless Chromium against
a real `fieldapp web` and central server on loopback (the `world` of test_web.py).

ctrl+q (the footer's ^q 退出 / ^q Quit) used to leave textual-serve's English "Session
ended. Restart" page over a session still signed in: Restart opened the same session
again, its store stayed on disk, and /logout answered only a POST no page sent. Now
quitting signs out: the page goes to the sign-in page in the session's language, the
session's store is synced and deleted, and the next visitor is asked to sign in.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from test_web import ARGS, CHROMIUM, PASSWORD, _wait, world  # noqa: F401 (world: fixture)

SIGNED_OUT = {"zh": "已退出登录", "en": "Signed out."}
HEADING = {"zh": "网格化巡查 · 网格办登录", "en": "Grid inspection · office sign-in"}


def _signed_in(browser: Any, base: str, lang: str) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(f"{base}/login?lang={lang}")
    page.fill("#username", "li")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/?lang={lang}", timeout=90_000)
    page.wait_for_selector(".xterm-screen", timeout=30_000)
    time.sleep(4)  # the TUI draws its home screen
    return page


def _stores(front: dict[str, Any]) -> list[Any]:
    return [p for p in front["web_home"].iterdir() if p.is_dir()]


def _assert_signed_out(page: Any, front: dict[str, Any], lang: str) -> None:
    page.wait_for_url("**/login?*signed_out=1", timeout=60_000)
    assert SIGNED_OUT[lang] in page.locator(".notice").inner_text()
    assert HEADING[lang] in page.locator("h1").inner_text()
    _wait(lambda: not _stores(front))  # synced, then deleted
    page.goto(f"{front['base']}/")  # the next visitor, same browser: asked to sign in
    assert "/login" in page.url and page.locator("#password").count() == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ctrl_q_signs_out_to_the_sign_in_page_in_the_sessions_language(
    world: dict[str, Any],  # noqa: F811 (the fixture)
    lang: str,
) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = _signed_in(browser, world["base"], lang)
        assert len(_stores(world)) == 1
        page.click("body")
        page.keyboard.press("Control+q")
        _assert_signed_out(page, world, lang)
        assert "Session ended" not in page.content()
        browser.close()


def test_the_sign_out_link_signs_out(world: dict[str, Any]) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = _signed_in(browser, world["base"], "en")
        page.goto(f"{world['base']}/logout")  # a link's GET, as the disconnected page offers
        _assert_signed_out(page, world, "en")
        browser.close()
