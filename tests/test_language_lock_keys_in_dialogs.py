"""F9 (language), F1 (keys) and ctrl+l (lock) did nothing in a dialog (F4's incident
form, the 放弃已填写的内容？ question): Textual stops a dialog's keys at the dialog, and
those three were not priority keys. They act there now, what was typed kept: F1 shows the
keys, ctrl+l locks a dialog walked away from, which is there again once the PIN is given,
and F9 says to finish or close the dialog first (switching under it left the form's own
words in one language beside its keys and messages in the other), also on the PIN screen
over it; closed, F9 switches. The PIN setup's F9 kept neither what it had said nor the
field the cursor was in. 80x24, zh and en."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import PIN, key_behind_pin
from pilot_support import at_home, screen_lines, screen_text, settle
from textual.app import App
from textual.widgets import Input, Label

from fieldapp.domain.personal import new_key
from fieldapp.i18n import language, set_language
from fieldapp.store import keyring
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.discarding import DiscardQuestion
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.lock import LockScreen, SetPinScreen

CLOSE_FIRST = {"zh": "请先完成或关闭这个窗口", "en": "finish or close it first"}
OTHER = {"zh": "en", "en": "zh"}
DIGITS_ONLY = {"zh": "PIN is digits only", "en": "设备密码只能是数字"}  # noqa: RUF001  # after F9


def footer(app: App[None]) -> str:
    """The dialog's keys as the bottom line shows them."""
    return screen_lines(app)[-1]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_language_keys_and_lock_act_in_a_dialog(demo_home: Path, lang: str) -> None:
    key_behind_pin()
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await at_home(app, pilot)
            await pilot.press("f4")
            await settle(app, pilot)
            dialog = app.screen
            assert isinstance(dialog, IncidentDialog)
            address = dialog.query_one("#incident-address", Input)
            address.focus()
            words = (str(dialog.query_one(".dialog-title", Label).render()), footer(app))
            await pilot.press(*"Cun", "f9")
            await settle(app, pilot)
            assert language() == lang and app.screen is dialog
            assert any(CLOSE_FIRST[lang] in n.message for n in app._notifications)
            assert address.value == "Cun" and app.focused is address
            assert (str(dialog.query_one(".dialog-title", Label).render()), footer(app)) == words
            await pilot.press("f1")
            await settle(app, pilot)
            assert app.keys_shown() and app.screen is dialog
            await pilot.press("escape")  # the keys go; the form stays
            await settle(app, pilot)
            assert not app.keys_shown() and app.screen is dialog
            await pilot.press("escape")  # 放弃已填写的内容？, and walked away from
            await settle(app, pilot)
            assert isinstance(app.screen, DiscardQuestion)
            await pilot.press("ctrl+l")
            await settle(app, pilot)
            assert isinstance(app.screen, LockScreen)
            assert "Cun" not in screen_text(app)
            assert "f9" not in footer(app)  # refused here: not offered, nor in F1's list
            await pilot.press("f1")
            await settle(app, pilot)
            assert app.keys_shown() and "f9" not in screen_text(app)
            await pilot.press("f1")
            refusals = len(app._notifications)
            await pilot.press("f9")  # the form is there again once unlocked
            await settle(app, pilot)
            assert language() == lang and len(app._notifications) == refusals + 1
            await pilot.press(*PIN, "enter")
            await settle(app, pilot, rounds=2)
            assert isinstance(app.screen, DiscardQuestion)
            await pilot.press("n")
            await settle(app, pilot)
            assert app.screen is dialog and address.value == "Cun"
            await pilot.press("escape", "y", "f9")  # the form closed: F9 switches
            await settle(app, pilot)
            assert language() == OTHER[lang] and not app.dialog_open()
    finally:
        set_language("zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_f9_on_the_pin_setup_keeps_the_digits_and_what_was_said(
    demo_home: Path, lang: str
) -> None:
    keyring.save_key(new_key())  # a key and no PIN: the app asks for one first
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot, rounds=2)
            assert isinstance(app.screen, SetPinScreen)
            await pilot.press(*"135790", "tab", *"13a")  # a letter: refused, and said
            await settle(app, pilot)
            await pilot.press("f9")
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, SetPinScreen)
            assert DIGITS_ONLY[lang] in screen_text(app)
            first, again = (
                screen.query_one("#lock-pin", Input),
                screen.query_one("#lock-pin-again", Input),
            )
            assert (first.value, again.value) == ("135790", "13")
            assert app.focused is again
            await pilot.press(*"5790", "enter")
            await settle(app, pilot, rounds=2)
            assert not isinstance(app.screen, SetPinScreen), screen_text(app)
    finally:
        set_language("zh")
