"""Dialogs end alike (the shared foot, widgets/dialog_foot.py): the scan dialog (F2) had no
Cancel button (Esc alone closed it), the follow-up plan (f) and 包保 (b) dialogs of People
(F11) had no buttons at all, and the incident form's buttons named their keys ("上报 F10",
"取消 Esc") where no other dialog's do. Each is tried at 80×24: its buttons in sight, and
Cancel closes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin, returnee_family
from pilot_support import open_screen, settle
from test_form_messages_in_sight import in_sight
from textual.screen import Screen
from textual.widgets import Button, DataTable

from fieldapp.domain.incidents import DEFAULT_CATEGORIES
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.dialogs.plan import PlanDialog
from fieldapp.tui.dialogs.scan import ScanDialog
from fieldapp.tui.screens.people import PeopleScreen
from fieldapp.tui.widgets.dialog_foot import DialogFoot

KEY_NAMES = ("F10", "Esc", "esc", "f10", "Ctrl", "ctrl")


def labels(app: FieldApp, dialog: Screen[object]) -> list[str]:
    """The dialog's buttons' words, each button in its foot and in sight."""
    foot = dialog.query_one(DialogFoot)
    shown = list(foot.query(Button))
    assert shown and all(in_sight(app, button) for button in shown)
    return [str(button.label) for button in shown]


async def cancelled(app: FieldApp, pilot, dialog: Screen[object], cancel: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.click(f"#{cancel}")
    await settle(app, pilot)
    assert app.screen is not dialog


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_scan_dialog_has_a_cancel_button(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f2", ScanDialog)
        assert labels(app, dialog) == [{"zh": "取消", "en": "Cancel"}[lang]]
        await cancelled(app, pilot, dialog, "scan-cancel")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("key", ["f", "b"])
async def test_the_plan_and_cadre_dialogs_have_buttons(
    demo_home: Path, lang: str, key: str
) -> None:
    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))  # someone to plan for
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        table = screen.query_one("#people-table", DataTable)
        assert table.row_count
        table.focus()
        await pilot.press(key)
        await settle(app, pilot)
        dialog = app.screen
        if key == "f":  # the plan, with its team (6b8e76e), is a form of its own
            assert isinstance(dialog, PlanDialog)
            words, cancel = {"zh": ["保存", "取消"], "en": ["Save", "Cancel"]}[lang], "plan-cancel"
        else:
            assert isinstance(dialog, AskDialog)
            words, cancel = {"zh": ["确定", "取消"], "en": ["OK", "Cancel"]}[lang], "ask-cancel"
        assert labels(app, dialog) == words
        await cancelled(app, pilot, dialog, cancel)
        assert app.screen is screen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_incident_form_s_buttons_name_no_keys(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.push_screen(IncidentDialog(list(DEFAULT_CATEGORIES)))
        await settle(app, pilot)
        words = labels(app, app.screen)
    assert words == {"zh": ["上报", "取消"], "en": ["Report", "Cancel"]}[lang]
    assert not any(key in word for word in words for key in KEY_NAMES)
