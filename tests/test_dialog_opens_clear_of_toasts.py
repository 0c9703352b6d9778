"""A dialog opens clear of the toasts already shown: a bad scan on Home said
"二维码不完整或已损坏…", and Enter on a venue within the toast's seconds opened the start
dialog under it, its 开始检查/取消 buttons covered. A toast said by the dialog itself is
still shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from test_wedge_scan import Clock, Keys, my_venues, scanning_app
from textual.screen import ModalScreen

from fieldapp.domain.placard import generate_key, sign_payload
from fieldapp.services.placards import printing as placards
from fieldapp.tui.screens.home import HomeScreen

pytestmark = pytest.mark.usefixtures("chinese")

DAMAGED = "二维码不完整"


@pytest.fixture
def keys(demo_home: Path) -> Keys:
    key_id, private, public = generate_key()
    placards.register_public_key(key_id, public)
    return Keys(key_id, private)


def said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def test_a_bad_scans_toast_goes_when_the_start_dialog_opens(keys: Keys) -> None:
    venue = my_venues(1)[0]
    app, _ = scanning_app(pace=0.004)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        clock = app.wedge.clock
        assert isinstance(clock, Clock)
        clock.now += 1.0
        await pilot.press(*sign_payload(venue.code, keys.key_id, keys.private)[:-6], "enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        assert any(DAMAGED in message for message in said(app)), said(app)
        clock.now += 1.0  # a person's key, not the scanner's
        await pilot.press("enter")  # Enter on the venue Home has the cursor on
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, ModalScreen), dialog
        assert not any(DAMAGED in message for message in said(app)), said(app)
        dialog.app.notify("said by the dialog")  # its own toasts are shown
        await pilot.pause()
        assert "said by the dialog" in said(app)
