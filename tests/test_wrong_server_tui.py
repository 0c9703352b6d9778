"""The TUI's sync against a server that is not what it expects: the sync screen ends the
run with a failure that says where to look (the address, not the network), F12 starts
another, the status bar does not claim everything is synced, and nothing waiting is lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import ProgressBar, Static
from wrong_servers import answering, python_http_server

from fieldapp.i18n import set_language
from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.store.models import Outbox, SyncState
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.sync import PHASES, SyncScreen

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


def _point_at(url: str) -> dict[str, str]:
    """The demo device enrolled (as far as it knows) with the server at `url`; its outbox."""
    SyncState.get_or_create(id=1)
    SyncState.update(
        server_url=url, token="t0ken", device_id="dev-1", last_sync_at="2026-12-01T02:00:00Z"
    ).where(SyncState.id == 1).execute()
    return {row.op_id: row.state for row in Outbox.select()}


async def _settle(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _sync(app: FieldApp, pilot) -> SyncScreen:  # type: ignore[no-untyped-def]
    await pilot.press("f12")
    await _settle(app, pilot)
    await _settle(app, pilot)
    assert isinstance(app.screen, SyncScreen)
    return app.screen


def _text(screen: SyncScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _status(app: FieldApp) -> str:
    home = next(s for s in app.screen_stack if s.id == "home")
    return str(home.query_one("#status", Static).render())


def _ended(screen: SyncScreen) -> bool:
    """No bar still says "working" (an indeterminate bar has no total)."""
    return not screen.running and all(
        screen.query_one(f"#sync-bar-{phase}", ProgressBar).total is not None for phase in PHASES
    )


@pytest.mark.parametrize("answer", [b"garbage!!", b'{"status":"ok"}'])
async def test_a_server_answering_garbage_ends_the_sync_with_a_failure(
    answer: bytes, demo_info: DemoInfo
) -> None:
    with answering(answer) as url:
        before = _point_at(url)
        app = make_app()
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await _settle(app, pilot)
            for _ in range(2):  # and F12 starts another, which ends the same way
                screen = await _sync(app, pilot)
                state = _text(screen, "#sync-state")
                assert state.startswith("同步失败：服务器 " + url), state
                assert "不是 fieldapp 的应答" in state and "保存在本机" in state
                assert _ended(screen)
            said = " ".join(str(n.message) for n in app._notifications)
            assert "Expecting value" not in said and "出错了" not in said, said
            assert "同步失败" in _status(app) and "全部已同步" not in _status(app)
            assert "离线" not in _status(app)
    assert {row.op_id: row.state for row in Outbox.select()} == before


async def test_an_address_that_is_not_fieldapp_is_not_called_offline(
    demo_info: DemoInfo, tmp_path: Path
) -> None:
    with python_http_server(tmp_path) as url:
        _point_at(url)
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await _settle(app, pilot)
            screen = await _sync(app, pilot)
            state = _text(screen, "#sync-state")
            assert _ended(screen)
    assert (
        "有应答，但这不是 fieldapp 服务器（HTTP 404）：本机注册的服务器地址已不对，"
        "请向办公室要新的注册码，用 fieldapp enroll 重新注册本机"
    ) in state, state
    assert "请检查服务器地址" not in state  # no screen changes the address
    assert "离线" not in state and "cannot" not in state


async def test_a_server_that_cannot_be_reached_is_said_in_chinese(demo_info: DemoInfo) -> None:
    with answering(b"") as url:
        pass  # stopped: nothing listens there now
    _point_at(url)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = await _sync(app, pilot)
        state = _text(screen, "#sync-state")
    assert state.startswith(f"离线：无法连接服务器 {url}：请检查网络"), state
    assert "cannot reach" not in state
