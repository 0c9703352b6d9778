"""Esc in the hazard form (登记隐患) with a description typed asks 放弃已填写的内容？, as the
other forms do: it took the failure back at once, the typing and the answer lost. Enter
or n keeps the form with what was typed; y discards as Esc did before. With nothing
typed Esc cancels at once, as it did; a hazard recorded before asks too."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting, settle
from textual.widgets import Input

from fieldapp.i18n import t
from fieldapp.store.models import Answer, Finding
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.finding import FindingDialog

SIZE = (80, 24)


def said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


def description(dialog: FindingDialog) -> str:
    return dialog.query_one("#finding-description", Input).value


async def fail(app, pilot, screen) -> FindingDialog:  # type: ignore[no-untyped-def]
    screen.go_to("COM-02")
    await settle(app, pilot)
    await pilot.press("n")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, FindingDialog), dialog
    return dialog


def asked_to_discard(app) -> None:  # type: ignore[no-untyped-def]
    question = app.screen
    assert isinstance(question, ConfirmDialog), type(question).__name__
    assert question.title_text == t("form.discard.title")


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_esc_after_typing_asks_and_keeps_or_discards(home: Path, lang: str) -> None:
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        dialog = await fail(app, pilot, screen)
        await pilot.press(*" 仅有1具")
        await pilot.press("escape")
        await settle(app, pilot)
        asked_to_discard(app)

        await pilot.press("enter")  # a reflex Enter keeps the form and the typing
        await settle(app, pilot)
        assert app.screen is dialog and description(dialog) == " 仅有1具"
        assert Answer.get(Answer.item_code == "COM-02").outcome == "fail"
        await pilot.press("escape", "n")  # n keeps it too
        await settle(app, pilot)
        assert app.screen is dialog and description(dialog) == " 仅有1具"

        await pilot.press("escape", "y")  # discard: the failure is taken back
        await settle(app, pilot)
        assert app.screen is screen
        assert Answer.get_or_none(Answer.item_code == "COM-02") is None
        assert Finding.get_or_none(Finding.item_code == "COM-02") is None
        assert t("inspect.failure_withdrawn", code="COM-02") in said(app)


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_esc_with_nothing_typed_cancels_at_once(home: Path, lang: str) -> None:
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        await fail(app, pilot, screen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        assert Answer.get_or_none(Answer.item_code == "COM-02") is None
        assert t("inspect.failure_withdrawn", code="COM-02") in said(app)


async def test_a_hazard_recorded_before_asks_too(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        await fail(app, pilot, screen)
        await pilot.press(*"仅有1具", "f10")  # saved
        await settle(app, pilot)
        assert app.screen is screen
        again = await fail(app, pilot, screen)  # the same item failed again: its hazard
        assert not again.new and description(again) == "仅有1具"
        await pilot.press(*" 已过期")
        await pilot.press("escape")
        await settle(app, pilot)
        asked_to_discard(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is again and description(again) == "仅有1具 已过期"
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert app.screen is screen
        assert Finding.get(Finding.item_code == "COM-02").description == "仅有1具"
