"""Ctrl+Q over a review dialog a person has typed into asks first, as the incident form
does; over one still as it was opened it quits at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import SIZE, settle

from fieldapp.i18n import t
from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def supervisor(demo_home: Path) -> None:
    demo.act_as("supervisor")


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


async def test_an_extension_reason_typed_is_asked_about(supervisor: None) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("6", "e")
        await settle(app, pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "BulkActionDialog", dialog
        await pilot.press("tab", *"原因XYZ")
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert app.is_running
        assert isinstance(app.screen, ConfirmDialog)
        assert t("quit.title") in shown(app) and "这张表还没有保存" in shown(app)
        await pilot.press("n")  # stays, with what was typed
        await settle(app, pilot)
        assert app.screen is dialog and "原因XYZ" in shown(app)


async def test_a_return_comment_typed_is_asked_about_and_none_quits_at_once(
    supervisor: None,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("i")
        await settle(app, pilot, rounds=2)
        await pilot.press("t")
        await settle(app, pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "CommentDialog", dialog
        await pilot.press(*"bad photo", "ctrl+q")
        await settle(app, pilot)
        assert app.is_running and isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is dialog
        await pilot.press(*["backspace"] * 9, "ctrl+q")  # nothing typed any more
        await settle(app, pilot)
        assert not app.is_running
