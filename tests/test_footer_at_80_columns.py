"""The footer at 80×24: a screen's action keys come before the navigation keys everyone
knows (Esc says only "返回", or nothing, when that makes room), and F1 says that more
keys are under it. At 120×36 every action of the incident queue, and Esc says "返回"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.inspect import InspectScreen


def footer_row(app: FieldApp) -> str:
    """The footer's line as the screen draws it now."""
    return app.screen._compositor.render_strips()[-1].text


@pytest.mark.parametrize(
    ("lang", "keys"),
    [
        ("en", ("^f Mark failed", "alt+x N/A", "^n Note", "^o Photo", "f10 Finish", "f1 More")),
        ("zh", ("^f 判不合格", "alt+x 不适用", "^n 备注", "^o 照片", "f10 完成", "f1 更多")),
    ],
)
async def test_a_number_item_offers_note_and_photo_at_80_columns(
    demo_home: Path, lang: str, keys: tuple[str, ...]
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        due = app.screen.home_view.due  # type: ignore[union-attr]
        app.open_venue(due[0].venue_id, presence="manual", reason="placard_missing")
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, InspectScreen) and screen.item.answer == "number"
        row = footer_row(app)
        assert all(key in row for key in keys), row
        assert " esc " in row, row


@pytest.mark.parametrize(
    ("lang", "review", "incidents"),
    [
        (
            "zh",
            ("e 延长期限", "h 移交", "c 销号", "a 确认冲突", "p 整改通知书", "f1 更多"),
            ("a 指派", "h 移交", "o 处理结果", "c 结案", "n 备注", "f4 上报事件", "f1 更多"),
        ),
        (
            "en",
            ("e Extend deadline", "h Hand over", "c Close", "a Acknowledge", "f1 More"),
            ("a Assign", "h Hand over", "o Outcome", "f4 Incident", "f1 More"),
        ),
    ],
)
async def test_the_queues_offer_their_actions_before_navigation_at_80_columns(
    demo_home: Path, lang: str, review: tuple[str, ...], incidents: tuple[str, ...]
) -> None:
    """The review queue 6 showed Esc, the queue numbers, Space, ^a, e and F1; the incident
    queue only `a` of its actions."""
    demo.act_as("supervisor")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("f5")
        await settle(app, pilot, rounds=3)
        await pilot.press("6")
        await settle(app, pilot, rounds=3)
        row = footer_row(app)
        assert row.startswith("esc ") and all(key in row for key in review), row
        await pilot.press("escape", "f3")
        await settle(app, pilot, rounds=3)
        row = footer_row(app)
        assert " esc " in row and all(key in row for key in incidents), row
        await pilot.resize_terminal(120, 36)
        await settle(app, pilot)
        row = footer_row(app)
        back = "esc 返回" if lang == "zh" else "esc Back"
        assert all(f" {key} " in row for key in "ahocnkl") and back in row, row
