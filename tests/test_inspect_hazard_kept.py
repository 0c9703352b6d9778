"""A recorded hazard (隐患) is never lost without a word: an answer that would delete it
asks first (Esc keeps it), Esc never saves a value typed and not entered, and a hazard
made without its form still says the requirement is not met."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting, settle
from textual.widgets import Input

from fieldapp.i18n import pick, t
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Answer, Finding
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.screens.inspect_hazard_drop import DROP_DIALOG_ID

SIZE = (80, 24)


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


def said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


def stored(inspection_id: str, code: str) -> tuple[str, str, Finding | None]:
    answer = Answer.get(Answer.inspection == inspection_id, Answer.item_code == code)
    finding = Finding.get_or_none(Finding.inspection == inspection_id, Finding.item_code == code)
    return answer.outcome, answer.value, finding


async def fail_and_save(app, pilot, keys: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*keys)
    await settle(app, pilot)
    assert isinstance(app.screen, FindingDialog), app.screen
    await pilot.press("f10")
    await settle(app, pilot)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_passing_a_failed_item_asks_before_its_hazard_goes(home: Path, lang: str) -> None:
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        screen.go_to("COM-02")
        await settle(app, pilot)
        await fail_and_save(app, pilot, ("n",))
        await pilot.press("left_square_bracket", "y")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and dialog.id == DROP_DIALOG_ID, dialog
        item = screen.view.checklist.item("COM-02")
        finding = Finding.get(Finding.item_code == "COM-02")
        question = shown(app)
        assert t("finding.not_met", text=pick(item.zh, item.en))[:12] in question, question
        assert finding.deadline.isoformat() in question
        assert t(
            "inspect.drop_hazard.what", description="", deadline="", count=len(finding.photos)
        )[-6:] in (dialog.body_text)
        await pilot.press("enter")  # a reflex Enter keeps the hazard: No has the focus
        await settle(app, pilot)
        assert Finding.get_or_none(Finding.id == finding.id) is not None
        await pilot.press("y")
        await settle(app, pilot)
        await pilot.press("escape")  # keeps the failed answer and its hazard
        await settle(app, pilot)
        assert app.screen is screen
        outcome, _, kept = stored(screen.inspection_id, "COM-02")
        assert outcome == "fail" and kept is not None and kept.id == finding.id
        assert t("inspect.drop_hazard.kept", code="COM-02") in said(app)
        assert f"{t('inspect.severity.general')}" in shown(app)

        await pilot.press("y")
        await settle(app, pilot)
        await pilot.press("y")  # yes: the answer changes, the hazard goes, and it is said
        await settle(app, pilot)
        outcome, _, gone = stored(screen.inspection_id, "COM-02")
        assert outcome == "pass" and gone is None
        answer = t("inspect.outcome.pass")
        assert t("inspect.drop_hazard.done", code="COM-02", answer=answer) in said(app)


async def test_a_number_entered_over_a_failure_asks_before_its_hazard_goes(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("COM-01")
        await settle(app, pilot)
        await fail_and_save(app, pilot, ("ctrl+f",))
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        await pilot.press("5", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog), app.screen
        await pilot.press("n")
        await settle(app, pilot)
        outcome, _, kept = stored(screen.inspection_id, "COM-01")
        assert outcome == "fail" and kept is not None
        assert screen.card.answer_input.value == ""  # the 5 not saved is not shown as saved


async def test_esc_drops_a_value_typed_and_not_entered_and_says_so(home: Path) -> None:
    """COM-01 answered 5, then 1 typed, Esc: the answer stayed 5, no hazard was made."""
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("COM-01")
        await settle(app, pilot)
        await pilot.press("5", "enter")
        await settle(app, pilot)
        screen.go_to("COM-01")
        await settle(app, pilot)
        field = screen.card.answer_input
        assert app.focused is field
        field.value = ""
        await pilot.press("1", "escape")
        await settle(app, pilot)
        assert app.screen is not screen
        outcome, value, finding = stored(screen.inspection_id, "COM-01")
        assert (outcome, value, finding) == ("value", "5", None)
        assert t("inspect.typed_dropped", code="COM-01", value="1") in said(app)


async def test_a_hazard_opened_without_its_form_says_it_is_not_met(home: Path) -> None:
    """A failure recorded and its form never saved (ctrl+q no longer saves a failing value
    typed: the app killed meanwhile) leaves a hazard whose description is the requirement
    not met, as the form's, not the item's bare text."""
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        item = screen.view.checklist.item("COM-01")
        inspection_id = screen.inspection_id
        inspections.record_answer(inspection_id, item, "fail", "0")
    _, _, finding = stored(inspection_id, "COM-01")
    assert finding is not None
    assert finding.description == inspections.not_met(item)
    assert finding.description.startswith("未达标：")


async def test_quitting_does_not_save_a_value_that_deletes_a_hazard(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("COM-01")
        await settle(app, pilot)
        await fail_and_save(app, pilot, ("ctrl+f",))
        await pilot.press("left_square_bracket", "5", "ctrl+q")
        await settle(app, pilot)
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert t("quit.typed_hazard", code="COM-01", value="5") in question.body_text
        await pilot.press("y")
        await settle(app, pilot)
        inspection_id = screen.inspection_id
    outcome, _, kept = stored(inspection_id, "COM-01")
    assert outcome == "fail" and kept is not None


async def test_the_summary_hint_names_only_keys_that_work_where_the_focus_is(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        view = screen.view
        for code in view.state.visible:
            item = view.checklist.item(code)
            if item.answer == "yesno":
                inspections.record_answer(screen.inspection_id, item, "pass")
            else:
                value = {"number": "5", "date": "2026-01-01"}.get(item.answer, "1")
                inspections.record_answer(screen.inspection_id, item, "value", value)
        screen.reload()
        screen.go_to("COM-01")  # a number: the focus is in its field, where s types
        await settle(app, pilot)
        assert isinstance(app.focused, Input)
        text = shown(app)
        assert "F10" in text and "（或 s）" not in text, text
        screen.go_to("COM-02")  # yes/no: s works, and is said
        await settle(app, pilot)
        assert "F10（或 s）" in shown(app)


async def test_typing_after_keeping_a_hazard_replaces_the_answer_shown(home: Path) -> None:
    """COM-01 failed with 1, 5 entered over it, the hazard kept (Esc): the field shows the
    1 again, and 8 typed then read 81 (the cursor at the start); it replaces it, as typing
    into an answer field does."""
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("COM-01")
        await settle(app, pilot)
        await fail_and_save(app, pilot, ("1", "enter"))
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        await pilot.press("5", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog), app.screen
        await pilot.press("escape")
        await settle(app, pilot)
        field = screen.card.answer_input
        assert app.screen is screen and app.focused is field and field.value == "1"
        await pilot.press("8")
        await settle(app, pilot)
        assert field.value == "8", field.value
