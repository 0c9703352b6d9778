"""Keys that come in one burst (a paste, a password manager, a scanner, tmux send-keys) are
handled in order, each where the key before it left the cursor: the first run's PIN typed
as `135790` Tab `135790` Enter in one instant is set, where the second PIN went into the
first field and the two "did not match"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual._xterm_parser import XTermParser

from fieldapp.domain.personal import new_key
from fieldapp.services.common import device_lock
from fieldapp.store import keyring
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.lock import SetPinScreen

PIN = "135790"


async def burst(app, pilot, sequence: str) -> None:  # type: ignore[no-untyped-def]
    """`sequence` as a terminal sends it, every key in the app's queue at once."""
    parser = XTermParser()
    for event in [*parser.feed(sequence), *parser.feed("")]:
        app.post_message(event)
    await settle(app, pilot, rounds=2)


@pytest.mark.parametrize("between", ["\t", "\r"], ids=["tab", "enter"])
async def test_a_pin_typed_in_one_burst_is_set(demo_home: Path, between: str) -> None:
    keyring.save_key(new_key())  # a key and no PIN: the app asks for one first
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, SetPinScreen)
        await burst(app, pilot, f"{PIN}{between}{PIN}\r")
        assert not isinstance(app.screen, SetPinScreen), [
            (str(w.render()) if w.id == "lock-status" else w.value)
            for w in app.screen.query("#lock-status, Input")
        ]
    device_lock.lock()
    device_lock.unlock(PIN)  # raises WrongPin for any other
