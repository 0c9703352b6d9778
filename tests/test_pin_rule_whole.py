"""The PIN rule a refused PIN is told ("6–12 digits") reads whole on the lock screen: at
80 columns "设备密码须为 6–12" ended one line and "位数字，…" began the next."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.domain.personal import new_key
from fieldapp.store import keyring
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.lock import SetPinScreen

UNIT = {"zh": "位数字", "en": "digit"}


@pytest.mark.parametrize("width", [80, 64, 48, 40])
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_pin_rule_is_never_cut(demo_home: Path, lang: str, width: int) -> None:
    keyring.save_key(new_key())  # a key and no PIN: the app asks for one first
    app = make_app(lang=lang)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, SetPinScreen)
        await pilot.press(*"1234", "tab", *"1234", "enter")  # too short: the rule is said
        await settle(app, pilot)
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        said = [line for line in lines if "6–12" in line]
        assert len(said) >= 2, "\n".join(lines)  # the field's placeholder and the refusal
        assert all(UNIT[lang] in line for line in said), "\n".join(lines)
