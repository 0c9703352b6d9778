"""Esc in the hazard form of a failure just given cancels it, and never keeps the hazard
unasked: with a photo attached it asks whether to discard the hazard and the photo (y)
or go back to the form (Esc, n, Enter), where Save keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting, make_png, settle

from fieldapp.i18n import t
from fieldapp.store.models import Answer, Finding
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.finding import DISCARD_DIALOG_ID, FindingDialog

SIZE = (120, 36)


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


def said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def fail_with_a_photo(app, pilot, screen, photo: Path) -> FindingDialog:  # type: ignore[no-untyped-def]
    screen.go_to("COM-02")
    await settle(app, pilot)
    await pilot.press("n")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, FindingDialog), dialog
    await pilot.press("ctrl+o", *str(photo), "enter")
    await settle(app, pilot)
    assert app.screen is dialog and len(dialog.photos) == 1
    return dialog


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_esc_with_a_photo_attached_asks_and_can_discard(
    home: Path, tmp_path: Path, lang: str
) -> None:
    photo = make_png(tmp_path / "exit_blocked.png")
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        dialog = await fail_with_a_photo(app, pilot, screen, photo)
        await pilot.press("escape")
        await settle(app, pilot)
        question = app.screen
        assert isinstance(question, ConfirmDialog) and question.id == DISCARD_DIALOG_ID
        assert t("finding.discard.title", count=1) in shown(app)

        await pilot.press("enter")  # a reflex Enter goes back to the form, nothing decided
        await settle(app, pilot)
        assert app.screen is dialog
        await pilot.press("escape", "escape")  # Esc in the question: back to the form too
        await settle(app, pilot)
        assert app.screen is dialog

        await pilot.press("escape", "y")  # discard: the item is unanswered, no hazard
        await settle(app, pilot)
        assert app.screen is screen
        assert Finding.get_or_none(Finding.item_code == "COM-02") is None
        assert Answer.get_or_none(Answer.item_code == "COM-02") is None
        assert t("inspect.failure_withdrawn", code="COM-02") in said(app)
        assert t("inspect.unanswered") in shown(app)


async def test_keeping_goes_back_to_the_form_where_save_keeps_the_photo(
    home: Path, tmp_path: Path
) -> None:
    photo = make_png(tmp_path / "exit_blocked.png")
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        dialog = await fail_with_a_photo(app, pilot, screen, photo)
        await pilot.press("escape", "n")
        await settle(app, pilot)
        assert app.screen is dialog
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        finding = Finding.get(Finding.item_code == "COM-02")
        assert len(finding.photos) == 1
        assert Answer.get(Answer.item_code == "COM-02").outcome == "fail"
