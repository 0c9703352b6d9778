"""A finished patrol reopened at 80x24 ("已结束，只能查看") still said "无法扫码时按 m 登记"
and offered m n p e and F10 结束巡逻 in its footer, each answering only that the patrol
was finished and sent. A run only read shows neither the hint nor those keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import footer_keys_seen, settle
from test_patrol_run_late_by_hand_whole import _screen_lines, partial_window_over

from fieldapp.i18n import t
from fieldapp.store.patrol_models import PatrolRun
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen

CHANGES = {"manual", "note", "photo", "form", "finish"}


async def test_a_finished_run_offers_no_key_that_would_change_it(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    partial_window_over(monkeypatch)
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        screen = PatrolRunScreen(PatrolRun.get().id)
        await app.push_screen(screen)
        await settle(app, pilot, rounds=3)
        text = "\n".join(_screen_lines(app))
        assert t("patrol.run.ended") in text
        assert "按 m" not in text, text  # the hint of an open run
        assert not CHANGES & set(footer_keys_seen(screen)), footer_keys_seen(screen)
        offered = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
        assert not CHANGES & offered, offered
        said = len(app._notifications)
        await pilot.press("m", "f10")
        await settle(app, pilot)
        assert app.screen is screen and len(app._notifications) == said  # keys not there
