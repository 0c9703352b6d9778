"""A code whose first letter is doubled (XX-999, AA-0001) arrives as typed wherever codes
arrive: a scanner's burst in a patrol run or on home, and the scan dialog (F2), typed at a
scanner's pace or a person's. The second X used to start the burst again, and the first X
was lost ("场所 X-999 不在本设备上").

Timings come from the detector's clock, as in test_wedge_scan.py: nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from patrol_screen_support import placard, seed_patrol_store
from test_wedge_scan import burst, messages, scanning_app, settle
from textual.widgets import Input

from fieldapp.i18n import set_language, t
from fieldapp.tui.dialogs.scan import ScanDialog
from fieldapp.tui.scanner import PASS, SCAN, WedgeDetector
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.patrol_run import PatrolRunScreen


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


@pytest.mark.parametrize("code", ["XX-999", "QQ-1223", "AAA-01", "QZ-123"])
def test_detector_keeps_a_codes_repeated_first_letter(code: str) -> None:
    times = iter([i * 0.005 for i in range(50)])
    d = WedgeDetector(clock=lambda: next(times))
    for c in code:
        d.press(c, c, hotkeys=True)
    end = d.press("enter", "\r", hotkeys=True)
    assert (end.action, end.text) == (SCAN, code)


def test_detector_a_held_key_then_a_rolled_key_is_still_no_scan() -> None:
    times = iter([i * 0.005 for i in range(50)])
    d = WedgeDetector(clock=lambda: next(times))
    for _ in range(8):
        d.press("n", "n", hotkeys=True)
    d.press("j", "j", hotkeys=True)
    d.press("i", "i", hotkeys=True)
    end = d.press("enter", "\r", hotkeys=True)
    assert end.action == PASS and end.replay


async def test_a_doubled_first_letter_reaches_the_patrol_run_whole(home: Path) -> None:
    seed_patrol_store()
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.scan_text(placard("CP-01"), "wedge")  # starts the run
        await settle(app, pilot)
        await settle(app, pilot)
        assert isinstance(app.screen, PatrolRunScreen)
        for code in ("XX-999", "QQ-1223"):
            await burst(app, pilot, code)
            assert messages(app)[-1] == t("placard.check.unknown_venue", code=code)
            assert isinstance(app.screen, PatrolRunScreen)


async def test_a_doubled_first_letter_on_home_is_the_code_scanned(home: Path) -> None:
    seed_patrol_store()
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await burst(app, pilot, "AA-0001")
        assert messages(app)[-1] == t("scan.unknown", code="AA-0001")


@pytest.mark.parametrize("pace", [0.004, 0.2])  # a scanner, a person
async def test_the_scan_dialog_takes_a_doubled_first_letter_as_typed(
    home: Path, pace: float
) -> None:
    seed_patrol_store()
    app, _ = scanning_app(pace=pace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.scan_text(placard("CP-01"), "wedge")  # in a patrol run
        await settle(app, pilot)
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, ScanDialog)
        await pilot.press(*"AA-0001")
        if pace > 0.1:  # typed; a scanner's burst is held for its Enter, read as a scan
            assert app.screen.query_one("#scan-input", Input).value == "AA-0001"
        await pilot.press("enter")
        await settle(app, pilot)
        assert messages(app)[-1] == t("placard.check.unknown_venue", code="AA-0001")
