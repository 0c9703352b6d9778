"""The footer at 80×24: a screen's action keys come before the navigation keys everyone
knows (Esc says only "返回" when that makes room, never nothing), and F1 says that more
keys are under it: those that do not fit are in its list. At 120×36 every action of the
incident queue, and Esc says "返回"."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import settle

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import reporting
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.widgets.key_footer import KeyFooter


def footer_row(app: FieldApp) -> str:
    """The footer's line as the screen draws it now."""
    return app.screen._compositor.render_strips()[-1].text


def under_f1(app: FieldApp) -> set[str]:
    """The keys that did not fit in the footer (F1 lists them)."""
    return {b.key for b in app.screen.query_one(KeyFooter).hidden}


@pytest.mark.parametrize(
    ("lang", "keys", "in_f1"),
    [
        ("en", ("^f Mark failed", "alt+x N/A", "^n Note", "f10 Finish", "esc Back", "f1 More"),
         {"ctrl+o"}),
        ("zh", ("^f 判不合格", "alt+x 不适用", "^n 备注", "^o 照片", "f10 完成", "esc 返回",
                "f1 更多"), set()),
    ],
)  # fmt: skip
async def test_a_number_item_offers_note_and_photo_at_80_columns(
    demo_home: Path, lang: str, keys: tuple[str, ...], in_f1: set[str]
) -> None:
    """In English ^o Photo gives way to Esc's label, and is in F1's list."""
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
        assert in_f1 <= under_f1(app), row


@pytest.mark.parametrize(
    ("lang", "review", "incidents", "in_f1"),
    [
        (
            "zh",
            ("esc 返回", "e 延长期限", "h 移交", "c 销号", "p 整改通知书", "f1 更多"),
            ("esc 返回", "a 指派", "h 移交", "o 处理结果", "c 结案", "f4 上报事件", "f1 更多"),
            (set(), {"n"}),
        ),
        (
            "en",
            ("esc Back", "e Extend deadline", "h Hand over", "c Close", "f1 More"),
            ("esc Back", "a Assign", "h Hand over", "o Outcome", "f4 Incident", "f1 More"),
            (set(), set()),
        ),
    ],
)  # fmt: skip
async def test_the_queues_offer_their_actions_before_navigation_at_80_columns(
    demo_home: Path,
    lang: str,
    review: tuple[str, ...],
    incidents: tuple[str, ...],
    in_f1: tuple[set[str], set[str]],
) -> None:
    """The review queue 6 showed Esc, the queue numbers, Space, ^a, e and F1; the incident
    queue only `a` of its actions. Esc keeps its label (a bare "esc" said nowhere it goes
    back to in Chinese); a key it leaves no room for is in F1's list. The incident queue
    has an incident reported: an empty queue offers no action at all."""
    reporting.report_incident(
        reporting.IncidentReport(
            "fireworks_sale", incident_at(), "摆摊销售烟花爆竹", address="鼎美村村口"
        )
    )
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
        assert in_f1[0] <= under_f1(app), row
        await pilot.press("escape", "f3")
        await settle(app, pilot, rounds=3)
        row = footer_row(app)
        assert all(key in row for key in incidents), row
        assert [row.index(key) for key in incidents[1:-1]] == sorted(
            row.index(key) for key in incidents[1:-1]
        ), row
        assert in_f1[1] | {"1", "space", "ctrl+a"} <= under_f1(app), row  # navigation gave way
        await pilot.resize_terminal(120, 36)
        await settle(app, pilot)
        row = footer_row(app)
        back = "esc 返回" if lang == "zh" else "esc Back"
        assert all(f" {key} " in row for key in "ahocnkl") and back in row, row
