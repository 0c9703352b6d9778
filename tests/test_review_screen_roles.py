"""Who may review (demo workspace): an inspector has no review key and cannot open the screen;
a supervisor has it in the footer and the command palette.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from review_screen_support import (
    messages,
    open_review,
    people_fixture,  # noqa: F401 (the people fixture)
)

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.usefixtures("chinese")


# --- roles -------------------------------------------------------------------------------


async def test_an_inspector_has_no_review_key_and_cannot_open_it(demo_home: Path) -> None:
    from fieldapp.tui.commands import FieldCommands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        assert app.person_role == "inspector"
        shown = {b.id for _, b, _, _ in app.screen.active_bindings.values()}
        assert "app.review" not in shown
        labels = [label for label, *_ in FieldCommands(app.screen)._commands()]
        assert not any(label.startswith("复查") for label in labels)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        app.push_screen(ReviewScreen())  # even pushed directly, it closes and says why
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        assert any("只有网格长或管理员" in m for m in messages(app))


async def test_a_supervisor_has_the_key_in_the_footer_and_the_palette(
    people: dict[str, str],
) -> None:
    from fieldapp.tui.commands import FieldCommands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        shown = {b.id: b.description for _, b, _, _ in app.screen.active_bindings.values()}
        assert shown.get("app.review") == "复查"
        labels = [label for label, *_ in FieldCommands(app.screen)._commands()]
        assert "复查（f5）" in labels  # brackets of the language
        screen = await open_review(app, pilot)
        labels = [label for label, *_ in FieldCommands(screen)._commands()]
        for expected in ("复查通过", "移交", "移交单", "整改通知书", "检查记录", "筛选"):
            assert any(label.startswith(expected) for label in labels), labels
