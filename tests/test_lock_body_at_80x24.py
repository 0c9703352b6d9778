"""The lock screen at 80×24: its explanation breaks between its sentences, so no word of a
sentence is left alone on a line (Chinese wrapped "继续。" by itself)."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import CHEAP_KDF, PIN, returnee_family
from pilot_support import settle
from textual.widgets import Static

from fieldapp.domain import device_pin
from fieldapp.domain.personal import new_key
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.store import keyring
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.lock import LockScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_each_sentence_of_the_lock_body_reads_whole(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)
    keyring.save_key(new_key())
    registry.save_household(returnee_family(me().grids[0][0]))
    keyring.set_pin(PIN)
    keyring.lock()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, LockScreen)
        body = app.screen.query_one("#lock-body", Static)
        lines = [
            "".join(s.text for s in body.render_line(y)).strip() for y in range(body.size.height)
        ]
        lines = [line for line in lines if line]
        end = "。" if lang == "zh" else "."
        for line in lines:
            # a line ends where a sentence ends: none is carried over to the next line
            assert line.endswith(end), lines
