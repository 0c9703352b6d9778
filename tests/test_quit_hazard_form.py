"""Ctrl+Q over the hazard form of a failure just given is Cancel, as Esc is: the quit
question says the hazard is not recorded and the item is unanswered again, and after
quitting there is neither a failed answer nor a hazard nobody saved. A hazard recorded
before keeps what it had; the question then says only that what was typed is not kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting, settle

from fieldapp.i18n import t
from fieldapp.store.models import Answer, Finding
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.finding import FindingDialog

SIZE = (80, 24)


def asked(app) -> str:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ConfirmDialog), screen
    return f"{screen.title_text}\n{screen.body_text}"


async def open_hazard_form(app, pilot, screen) -> FindingDialog:  # type: ignore[no-untyped-def]
    screen.go_to("COM-03")
    await settle(app, pilot)
    await pilot.press("n")  # fails the yes/no item: the hazard form opens
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, FindingDialog), dialog
    return dialog


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_quitting_over_a_new_hazard_form_cancels_the_failure(home: Path, lang: str) -> None:
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        dialog = await open_hazard_form(app, pilot, screen)
        await pilot.press(*" exit blocked")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        question = asked(app)
        assert t("finding.quit_withdrawn", code="COM-03") in question
        assert t("quit.inspection") in question
        await pilot.press("n")  # stays: the form and what was typed are as they were
        await settle(app, pilot)
        assert app.screen is dialog
        assert dialog.query_one("#finding-description").value.endswith(" exit blocked")  # type: ignore[attr-defined]
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert not app.is_running
    assert Finding.get_or_none(Finding.item_code == "COM-03") is None
    assert Answer.get_or_none(Answer.item_code == "COM-03") is None


async def test_quitting_over_a_hazard_recorded_before_keeps_it(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        await open_hazard_form(app, pilot, screen)
        await pilot.press("f10")  # saved as prefilled
        await settle(app, pilot)
        saved = Finding.get(Finding.item_code == "COM-03")
        dialog = await open_hazard_form(app, pilot, screen)  # again, for the one recorded
        assert not dialog.new
        await pilot.press(*"改")
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        question = asked(app)
        assert t("form.discard.body") in question
        assert t("finding.quit_withdrawn", code="COM-03") not in question
        await pilot.press("y")
        await settle(app, pilot)
    kept = Finding.get(Finding.item_code == "COM-03")
    assert kept.description == saved.description
    assert Answer.get(Answer.item_code == "COM-03").outcome == "fail"
