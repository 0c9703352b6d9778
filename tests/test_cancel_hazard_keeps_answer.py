"""Cancelling the hazard form of a failure given over an answered item (Esc, or Ctrl+Q
then y) puts back the answer the item had before `n`: a pass stays a pass, and the
message says the earlier answer is back, not that the item is unanswered. Over a hazard
recorded before, the failed answer stays as it was (a count typed since is not kept)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting, settle

from fieldapp.i18n import t
from fieldapp.store.models import Answer, Finding
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.finding import FindingDialog

SIZE = (80, 24)
CODE = "COM-03"  # a yes/no item


async def passed_then_failed(app, pilot, screen) -> Answer:  # type: ignore[no-untyped-def]
    """COM-03 answered pass, then `n` over it: the hazard form is open."""
    screen.go_to(CODE)
    await settle(app, pilot)
    await pilot.press("y")
    await settle(app, pilot)
    passed = Answer.get(Answer.item_code == CODE)
    assert passed.outcome == "pass"
    screen.go_to(CODE)
    await settle(app, pilot)
    await pilot.press("n")
    await settle(app, pilot)
    assert isinstance(app.screen, FindingDialog), app.screen
    assert Answer.get(Answer.item_code == CODE).outcome == "fail"
    return passed


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_esc_on_the_hazard_form_puts_the_pass_back(home: Path, lang: str) -> None:
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        passed = await passed_then_failed(app, pilot, screen)
        notices: list[str] = []
        app.notify = lambda message, **_: notices.append(str(message))  # type: ignore[method-assign]
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, FindingDialog)
        back = Answer.get(Answer.item_code == CODE)
        assert (back.outcome, back.value, back.answered_at) == (
            passed.outcome,
            passed.value,
            passed.answered_at,
        )
        assert Finding.get_or_none(Finding.item_code == CODE) is None
        assert screen.view.answers[CODE].outcome == "pass"
        assert notices == [t("inspect.failure_withdrawn_restored", code=CODE)]


async def test_quitting_over_the_hazard_form_puts_the_pass_back(home: Path) -> None:
    async with inspecting("en", SIZE) as (app, pilot, screen):
        await passed_then_failed(app, pilot, screen)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog), dialog
        question = f"{dialog.title_text}\n{dialog.body_text}"
        assert t("finding.quit_withdrawn_restored", code=CODE) in question
        assert t("finding.quit_withdrawn", code=CODE) not in question
        await pilot.press("y")
        await settle(app, pilot)
        assert not app.is_running
    assert Answer.get(Answer.item_code == CODE).outcome == "pass"
    assert Finding.get_or_none(Finding.item_code == CODE) is None


async def test_esc_over_a_recorded_hazard_keeps_the_failed_count(home: Path) -> None:
    """COM-01 (extinguishers, fails under 2) failed at 1 with its hazard saved; then 12
    typed without Enter and ctrl+f: Esc on the form keeps 不合格（1）, not 不合格（12）,
    and so does quitting over the form."""
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("COM-01")
        await settle(app, pilot)
        await pilot.press("1", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FindingDialog), app.screen
        await pilot.press("少", "f10")
        await settle(app, pilot)
        failed = Answer.get(Answer.item_code == "COM-01")
        assert (failed.outcome, failed.value) == ("fail", "1")
        screen.go_to("COM-01")
        await settle(app, pilot)
        await pilot.press("1", "2", "home", "ctrl+f")
        await settle(app, pilot)
        assert isinstance(app.screen, FindingDialog), app.screen
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        kept = Answer.get(Answer.item_code == "COM-01")
        assert (kept.outcome, kept.value, kept.answered_at) == (
            "fail",
            "1",
            failed.answered_at,
        )
        assert Finding.get(Finding.item_code == "COM-01").description == "少"
        assert screen.item.code == "COM-01"
        shown = str(screen.card.query_one("#item-answer").render())
        assert shown == "当前答案：不合格（1）"
        # Quitting over the form (Ctrl+Q, then y) is Cancel too.
        await pilot.press("1", "2", "home", "ctrl+f")
        await settle(app, pilot)
        assert isinstance(app.screen, FindingDialog), app.screen
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog), app.screen
        await pilot.press("y")
        await settle(app, pilot)
        assert not app.is_running
    assert Answer.get(Answer.item_code == "COM-01").value == "1"
