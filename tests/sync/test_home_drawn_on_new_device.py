"""A device just enrolled, with no PIN to ask (no personal data yet) and nothing synced,
opens on home, drawn on the terminal at once. Its first frame came while Textual held
updates back as the app started, and was taken for drawn: only the status bar, which
redraws itself, reached the terminal until a key or a resize."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pilot_support import settle
from textual.app import App

from fieldapp.services.common import device_lock
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.views.home import start_building_home_view
from fieldapp.tui.widgets.status_bar import StatusBar

pytestmark = pytest.mark.slow

ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def terminal_text(app: App[Any]) -> list[str]:
    """The text of each frame that reaches the terminal (Textual drops those it draws
    while it holds updates back), escape codes taken out."""
    sent: list[str] = []
    display = app._display  # noqa: SLF001 - the frames as Textual draws them

    def noted(screen: object, update: object) -> None:
        if not app._batch_count and hasattr(update, "render_segments"):  # noqa: SLF001
            sent.append(ESCAPES.sub("", update.render_segments(app.console)))
        display(screen, update)  # type: ignore[arg-type]

    app._display = noted  # type: ignore[method-assign,assignment]
    return sent


async def test_a_new_device_draws_home_at_once(make_device, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    device = make_device("fresh").enroll("p-sup")
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    start_building_home_view()  # as the app's start does (startup.run_tui)
    app = make_app(lang="zh")
    app.startup_lock = (device_lock.lock_state(), device_lock.idle_lock_minutes())
    sent = terminal_text(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        name = app.screen.query_one("#me-name").render()
        assert str(name) == "李四（网格长）"
        assert any(str(name) in frame for frame in sent), sent
        status = str(app.screen.query_one(StatusBar).render())
        assert status.endswith("在线 · 尚未同步过"), status
        due = str(app.screen.query_one("#due-title").render())
        assert due == "本机还没有场所和检查表：按 F12 同步下载。"
