"""What a browser shows when its terminal's connection to `fieldapp web` is lost, and where
its two ways out lead: the page served with the terminal holds, in the session's language,
the connection-lost message, Reconnect (the page again) and Sign out (/logout); the page
asks /session when the terminal closes, and a live session answers 204 (the message, not
the sign-in page). Reconnecting opens the same session's terminal again; Sign out leads to
the sign-in page in that language, after which Reconnect leads there too. A real `fieldapp
web` and central server on loopback (the `world` of test_web.py), over HTTP and websocket.
"""

from __future__ import annotations

import re
from typing import Any

import aiohttp
import httpx
import pytest
from test_web import PASSWORD, world  # noqa: F401 (world: fixture)

from fieldapp.web.sessions import COOKIE

SAID = {
    "zh": ("zh-CN", "与服务器的连接已断开。", "重新连接", "退出登录", "已退出登录。下一位使用者请重新登录。",
           "网格化巡查 · 网格办登录"),
    "en": ("en", "The connection to the server was lost.", "Reconnect", "Sign out",
           "Signed out. The next person signs in again.", "Grid inspection · office sign-in"),
}  # fmt: skip


async def _terminal_draws(base: str, cookie: str) -> None:
    """The terminal's websocket runs the session's program, then the browser goes away."""
    url = base.replace("http://", "ws://") + "/ws?width=80&height=24"
    async with (
        aiohttp.ClientSession(cookies={COOKIE: cookie}) as browser,
        browser.ws_connect(url) as terminal,
    ):
        drawn = await terminal.receive(timeout=60)
        assert drawn.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), drawn


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_lost_connection_offers_reconnect_and_sign_out_in_the_sessions_language(
    world: dict[str, Any],  # noqa: F811 (the fixture)
    lang: str,
) -> None:
    html_lang, lost, reconnect, sign_out, signed_out, heading = SAID[lang]
    base = world["base"]
    form = {"username": "li", "password": PASSWORD, "lang": lang}
    signed = httpx.post(f"{base}/login", data=form, timeout=90)
    start = signed.headers["location"]
    assert start == f"/?lang={lang}"
    cookies = {COOKIE: signed.cookies[COOKIE]}
    page = httpx.get(f"{base}{start}", cookies=cookies).text
    assert f'<html lang="{html_lang}">' in page
    dialog = re.search(r'<div class="dialog-container closed-dialog">(.*?)\n    </div>', page, re.S)
    assert dialog is not None, page
    assert f'<div class="message">{lost}</div>' in dialog[1]
    assert f'onClick="reconnect()">{reconnect}</button>' in dialog[1]
    assert f'<a class="sign-out" href="/logout">{sign_out}</a>' in dialog[1]
    other = SAID["en" if lang == "zh" else "zh"]
    assert other[1] not in page and other[2] not in page
    await _terminal_draws(base, cookies[COOKIE])
    # The connection is gone, the session is not: the page says so rather than sign in.
    assert httpx.get(f"{base}/session", cookies=cookies).status_code == 204
    again = httpx.get(f"{base}{start}", cookies=cookies)  # Reconnect: the page again
    assert again.status_code == 200 and "closed-dialog" in again.text
    await _terminal_draws(base, cookies[COOKIE])  # the same session's program
    out = httpx.get(f"{base}/logout", cookies=cookies, follow_redirects=True, timeout=90)
    assert str(out.url).endswith(f"/login?lang={lang}&signed_out=1")
    assert signed_out in out.text and heading in out.text and 'name="password"' in out.text
    assert httpx.get(f"{base}/session", cookies=cookies).status_code == 401
    later = httpx.get(f"{base}{start}", cookies=cookies, follow_redirects=True)
    assert str(later.url).endswith(f"/login?lang={lang}") and heading in later.text
