"""After a form refuses (a note it needs, a deadline that is no date), what the person
types next lands in a field: the refusal puts the cursor in the field it names, Tab goes
through the fields before the buttons (the hazard form's deadline is one Tab from the
description it opens in), and a character typed while a button has the cursor goes to
the field it was in last, where it went nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting
from inspect_support import settle as settle_inspect
from pilot_support import at_home, settle
from textual.widgets import Button, Input, Static

from fieldapp.i18n import set_language, t
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.dialogs.presence import PresenceDialog

SIZE = (80, 24)


def said(dialog, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(dialog.query_one(selector, Static).render())


@pytest.mark.usefixtures("demo_supervisor")
async def test_a_reject_note_typed_after_the_refusal_and_tab_is_kept() -> None:
    set_language("en")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("r")  # reject the re-check under the cursor
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        await pilot.press("f10")  # the note is empty
        await settle(app, pilot)
        assert said(dialog, "#bulk-error") == t("review.refused.note_rejected")
        note = dialog.query_one("#bulk-note", Input)
        assert app.focused is note  # the refusal put the cursor in the note
        await pilot.press("tab")  # out of habit: the cursor on the Reject button
        assert isinstance(app.focused, Button)
        await pilot.press(*"still expired")
        await settle(app, pilot)
        assert note.value == "still expired"
        assert app.focused is note


async def test_a_reason_for_other_typed_after_the_refusal_and_tab_is_kept(
    demo_home: Path,
) -> None:
    set_language("en")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await at_home(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot, rounds=2)
        await pilot.press(*"DM-0002", "enter")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, PresenceDialog)
        await pilot.press(*["down"] * 4)  # Other (explain in the note)
        await pilot.press("f10")
        await settle(app, pilot)
        assert said(dialog, "#presence-error").startswith("For 'Other'")
        note = dialog.query_one("#presence-note", Input)
        assert app.focused is note
        await pilot.press("tab")
        await pilot.press(*"placard covered")
        await settle(app, pilot)
        assert note.value == "placard covered"


async def test_the_hazard_deadline_is_one_tab_from_the_description(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("COM-03")
        await settle_inspect(app, pilot)
        await pilot.press("n")
        await settle_inspect(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)
        assert app.focused is dialog.query_one("#finding-description", Input)
        deadline = dialog.query_one("#finding-deadline", Input)
        prefilled = deadline.value
        await pilot.press("tab", "ctrl+u", *"2026-02-30", "f10")
        await settle_inspect(app, pilot)
        assert app.screen is dialog  # refused, not saved with the prefilled deadline
        assert said(dialog, "#finding-message").startswith("2026 年 2 月没有 30 日，请检查日期")
        assert app.focused is deadline and deadline.value == "2026-02-30"
        finding = Finding.get(Finding.item_code == "COM-03")
        assert finding.deadline.isoformat() == prefilled and finding.state == "draft"
