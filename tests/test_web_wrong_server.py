"""`fieldapp web`'s sign-in when the central server is wrong (down, not fieldapp, answering
garbage), and its terminal page, which must load nothing from another host.

The real web front (OfficeServer's aiohttp app on loopback) against real HTTP servers on
loopback; the sign-in page answers in the language it was asked in."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from wrong_servers import answering, python_http_server

from fieldapp.web.server import OfficeServer
from fieldapp.web.sessions import COOKIE, Session, Sessions

FORM = {"username": "w1wang", "password": "officepass123"}


@asynccontextmanager
async def front(tmp_path: Path, server_url: str) -> AsyncIterator[tuple[TestClient, Sessions]]:
    sessions = Sessions(tmp_path / "web", server_url)
    office = OfficeServer(sessions, host="127.0.0.1", port=0)
    client = TestClient(TestServer(await office._make_app()))
    await client.start_server()
    try:
        yield client, sessions
    finally:
        await client.close()


async def _sign_in(client: TestClient, lang: str) -> tuple[int, str]:
    response = await client.post("/login", data={**FORM, "lang": lang}, allow_redirects=False)
    return response.status, await response.text()


WRONG = [
    ("garbage", lambda folder: answering(b"garbage!!", content_type="text/plain"),
     "中心服务器 {url} 的应答无法识别：请管理员检查服务器地址和服务器版本，然后重试。",
     "The answer of the central server {url} was not understood"),
    ("truncated JSON", lambda folder: answering(b'{"code": "AB'),
     "中心服务器 {url} 的应答无法识别", "was not understood"),
    ("JSON without a code", lambda folder: answering(b'{"status": "ok"}'),
     "中心服务器 {url} 的应答无法识别", "was not understood"),
    ("python http.server", python_http_server,
     "{url} 有应答，但这不是 fieldapp 服务器（HTTP 501）", "it is not a fieldapp server (HTTP 501)"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "server", "zh", "en"), WRONG, ids=[w[0] for w in WRONG])
async def test_a_wrong_central_server_is_said_on_the_sign_in_page(
    name: str, server: Callable[[Path], object], zh: str, en: str, tmp_path: Path
) -> None:
    with server(tmp_path) as url:  # type: ignore[attr-defined]
        async with front(tmp_path, url) as (client, sessions):
            status, page = await _sign_in(client, "zh")
            assert status == 401 and zh.format(url=url) in page, page
            assert 'name="username"' in page  # the form again: the person can try again
            status, page = await _sign_in(client, "en")
            assert status == 401 and en.format(url=url) in page, page
            stores = [path for path in (tmp_path / "web").iterdir() if path.is_dir()]
            assert not stores  # no store left behind


async def test_a_central_server_that_cannot_be_reached_is_said_in_the_pages_language(
    tmp_path: Path,
) -> None:
    with answering(b"") as url:
        pass  # stopped: nothing listens there now
    async with front(tmp_path, url) as (client, _sessions):
        status, page = await _sign_in(client, "zh")
        assert status == 401 and f"无法连接中心服务器 {url}：请检查网络，或稍后再试。" in page
        assert "cannot be reached" not in page and "All connection attempts" not in page


async def test_a_wrong_password_is_said_in_the_pages_language(tmp_path: Path) -> None:
    refusal = b'{"error": "sign_in_refused", "message": "wrong user name or password"}'
    with answering(refusal, status=401) as url:
        async with front(tmp_path, url) as (client, _sessions):
            status, page = await _sign_in(client, "zh")
            assert status == 401 and "用户名或密码不正确" in page
            assert "wrong user name" not in page
            status, page = await _sign_in(client, "en")
            assert "Wrong user name or password" in page


async def test_the_terminal_page_asks_no_other_host_for_anything(tmp_path: Path) -> None:
    async with front(tmp_path, "http://127.0.0.1:9") as (client, sessions):
        sessions._by_cookie["c00kie"] = Session("w1wang", tmp_path / "web" / "s", "zh")
        response = await client.get("/", cookies={COOKIE: "c00kie"})
        page = await response.text()
    assert response.status == 200 and "textual.js" in page  # the terminal's page indeed
    own = {"127.0.0.1", "localhost"}
    elsewhere = [
        url for url, host in re.findall(r"(https?://([^/:\"'\s]+)[^\"'\s]*)", page)
        if host not in own
    ]  # fmt: skip
    assert elsewhere == [], elsewhere


async def test_a_locked_name_is_told_how_long_to_wait(tmp_path: Path) -> None:
    """The page said only 请稍后再试 / Try again later: the lock's length is said, as long as
    the central server locks a name for (web_users.LOCK_MINUTES)."""
    from sync.server import web_users

    minutes = web_users.LOCK_MINUTES
    with answering(b'{"error": "locked", "message": "locked"}', status=423) as url:
        async with front(tmp_path, url) as (client, _sessions):
            status, page = await _sign_in(client, "zh")
            assert status == 401 and f"已被锁定 {minutes} 分钟：请 {minutes} 分钟后再试" in page
            status, page = await _sign_in(client, "en")
            assert f"locked for {minutes} minutes. Try again after that" in page
