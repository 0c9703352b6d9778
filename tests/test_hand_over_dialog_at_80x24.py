"""The hand-over dialog (移交, `h` in F5) at 80x24 as the demo supervisor: every field, the
note (备注) too, and the buttons are on the screen at once, so nothing is found only by
tabbing to it, and the title stays in view while the fields are filled in."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import screen_text, settle

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog


@pytest.mark.parametrize(
    ("lang", "title", "labels", "button"),
    [
        ("zh", "移交：1 条隐患", ("接收单位", "移交文号", "移交日期", "备注"), "确定移交"),
        (
            "en",
            "Hand over",
            ("Receiving unit", "Reference number", "Hand-over date", "Note"),
            "Hand over",
        ),  # fmt: skip
    ],
)
async def test_every_field_of_the_hand_over_is_on_screen_at_80x24(
    demo_supervisor: Path, lang: str, title: str, labels: tuple[str, ...], button: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("2")  # overdue: may be handed over now
        await settle(app, pilot, rounds=2)
        await pilot.press("h")
        await settle(app, pilot)
        assert isinstance(app.screen, BulkActionDialog)
        shown = screen_text(app)
        for _ in range(3):  # unit → reference → date → note: nothing scrolls away
            await pilot.press("tab")
            await pilot.pause()
        assert app.focused is not None and app.focused.id == "bulk-note"
        with_note_focused = screen_text(app)
    for text in (shown, with_note_focused):
        assert title in text
        for label in labels:
            assert label in text, label
        assert button in text
