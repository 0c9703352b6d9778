"""Stopping `fieldapp web` (SIGTERM, as systemd does; ctrl+c is SIGINT, handled alike) with
browser sessions still open left their devices 使用中 in `admin devices` for good, their
stores on the web front's disk: only a sign-out retired them. Now a stop closes the
terminals and signs every open session out as a sign-out does (synced, device 已退出, store
deleted), waiting 10 seconds at most for the central server; a session it could not sign out
then keeps its store and is signed out at the next start. A real `fieldapp web` and central
server on loopback (the `world` of test_web.py)."""

from __future__ import annotations

import os
import signal
import time
from typing import Any

import aiohttp
from test_web import _wait, start_front, world  # noqa: F401 (world: fixture)
from test_web_session_devices import _devices, _sign_in

from fieldapp.web.server import STOP_SECONDS
from fieldapp.web.sessions import COOKIE


def _web_devices(world: dict[str, Any]) -> list[str]:  # noqa: F811
    return sorted(row[1] for row in _devices(world, "zh") if row[5] == "web:li")


def _stores(world: dict[str, Any]) -> list[Any]:  # noqa: F811
    return [path for path in world["web_home"].iterdir() if path.is_dir()]


def _stop(world: dict[str, Any]) -> float:  # noqa: F811
    """SIGTERM to `fieldapp web`; the seconds it took to exit."""
    started = time.monotonic()
    world["front"].send_signal(signal.SIGTERM)
    assert world["front"].wait(60) == 0
    return time.monotonic() - started


async def test_a_stop_signs_out_the_open_sessions(world: dict[str, Any]) -> None:  # noqa: F811
    cookies = [_sign_in(world["base"]) for _ in range(2)]
    terminal_url = f"ws://127.0.0.1:{world['port']}/ws?width=80&height=24"
    async with (
        aiohttp.ClientSession(cookies={COOKIE: cookies[0][COOKIE]}) as browser,
        browser.ws_connect(terminal_url) as terminal,
    ):
        drawn = await terminal.receive(timeout=60)  # the program runs in this session
        assert drawn.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), drawn
        assert _web_devices(world) == ["使用中", "使用中"] and len(_stores(world)) == 2
        took = _stop(world)
        async for _output in terminal:
            pass  # the program's last output, until the web front closes the terminal
        assert terminal.close_code == aiohttp.WSCloseCode.GOING_AWAY
    assert _web_devices(world) == ["已退出", "已退出"]
    assert _stores(world) == []  # synced, then deleted
    assert took < STOP_SECONDS + 10, took


def test_a_stop_the_central_server_does_not_answer_is_signed_out_at_the_next_start(
    world: dict[str, Any],  # noqa: F811 (the fixture)
) -> None:
    _sign_in(world["base"])
    server = world["server"].process
    os.kill(server.pid, signal.SIGSTOP)  # it accepts connections and never answers
    try:
        took = _stop(world)
    finally:
        os.kill(server.pid, signal.SIGCONT)
    assert took < STOP_SECONDS + 5, took  # not the sync's own 30 s timeout
    assert len(_stores(world)) == 1  # kept: nothing the session recorded is lost
    assert _web_devices(world) == ["使用中"]
    again = start_front(world["server"].url, world["port"], world["web_home"],
                        world["tmp"] / "web.log")  # fmt: skip
    try:
        _wait(lambda: not _stores(world))
        assert _web_devices(world) == ["已退出"]
    finally:
        again.terminate()
        again.wait(30)
