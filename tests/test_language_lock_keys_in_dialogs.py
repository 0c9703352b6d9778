"""F9 (language), F1 (keys) and ctrl+l (lock) did nothing in a dialog (F4's incident
form, the 放弃已填写的内容？ question): Textual stops a dialog's keys at the dialog, and
those three were not priority keys. They act there now, what was typed kept: F9 says the
open form keeps its language until it is closed, F1 shows the keys, and ctrl+l locks a
dialog walked away from, which is there again once the PIN is given. The PIN setup's F9
kept neither what it had said nor the field the cursor was in. 80x24, zh and en."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import PIN, key_behind_pin
from pilot_support import at_home, screen_text, settle
from textual.widgets import Input

from fieldapp.domain.personal import new_key
from fieldapp.i18n import language, set_language
from fieldapp.store import keyring
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.discarding import DiscardQuestion
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.lock import LockScreen, SetPinScreen

KEPT = {"zh": "keeps its language", "en": "仍按原语言显示"}  # said in the language F9 gave
OTHER = {"zh": "en", "en": "zh"}
DIGITS_ONLY = {"zh": "PIN is digits only", "en": "设备密码只能是数字"}  # noqa: RUF001  # after F9


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
            await pilot.press(*"Cun", "f9")
            await settle(app, pilot)
            assert language() == OTHER[lang] and app.screen is dialog
            assert any(KEPT[lang] in n.message for n in app._notifications)
            assert address.value == "Cun" and app.focused is address
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
            await pilot.press(*PIN, "enter")
            await settle(app, pilot, rounds=2)
            assert isinstance(app.screen, DiscardQuestion)
            await pilot.press("n")
            await settle(app, pilot)
            assert app.screen is dialog and address.value == "Cun"
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
