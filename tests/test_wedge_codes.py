"""A scanner typing an unsigned placard (a bare venue code) or any other text on a screen
where printable keys are hotkeys: a scan, never hotkeys and the highlighted row.

Timings come from the detector's clock, as in test_wedge_scan.py: nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_wedge_scan import SIZE, burst, messages, my_venues, scanning_app, settle
from textual.widgets import DataTable, Static

from fieldapp.i18n import set_language, t
from fieldapp.store.models import Inspection
from fieldapp.tui.app import FieldApp
from fieldapp.tui.scanner import HOLD, PASS, SCAN, WedgeDetector
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets.paged_table import selected_key


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


def highlighted_venue(app: FieldApp) -> str | None:
    table = app.screen.query_one("#due", DataTable)
    return selected_key(table)


def test_detector_over_hotkeys_holds_a_code_burst_and_scans_its_enter() -> None:
    times = iter([i * 0.005 for i in range(50)])
    d = WedgeDetector(clock=lambda: next(times))
    steps = [d.press(c, c, hotkeys=True) for c in "DM-0010"]
    assert steps[0].action == PASS and steps[0].burst_start  # taken back on the scan
    assert {s.action for s in steps[1:]} == {HOLD}
    assert d.press("enter", "\r", hotkeys=True).action == SCAN
    # In a text field the same burst is typing, and its Enter is the field's.
    times = iter([i * 0.005 for i in range(50)])
    typing = WedgeDetector(clock=lambda: next(times))
    assert {typing.press(c, c).action for c in "DM-0010"} == {PASS}
    assert typing.press("enter", "\r").action == PASS


def test_detector_over_hotkeys_passes_auto_repeat_and_short_bursts() -> None:
    times = iter([i * 0.005 for i in range(50)])
    d = WedgeDetector(clock=lambda: next(times))
    assert {d.press("n", "n", hotkeys=True).action for _ in range(6)} == {PASS}
    short = [d.press(c, c, hotkeys=True) for c in "ji"]  # two keys rolled over, Enter
    assert short[1].action == HOLD
    end = d.press("enter", "\r", hotkeys=True)
    assert end.action == PASS and end.replay


async def test_a_venue_code_burst_on_home_opens_that_venue_not_the_highlighted_row(
    demo_home: Path,
) -> None:
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        highlighted = highlighted_venue(app)
        venue = next(v for v in my_venues(5) if str(v.id) != highlighted)
        await burst(app, pilot, venue.code)
        dialog = app.screen
        assert type(dialog).__name__ == "PresenceDialog"  # what F2 does with a plain code
        assert venue.code in dialog.venue_label  # type: ignore[attr-defined]
        said = str(dialog.query_one("#presence-error", Static).render())  # in it (b8bc2e0)
        assert said == t("placard.check.unsigned_placard", code=venue.code)  # read, not typed
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["HomeScreen", "PresenceDialog"]


async def test_other_text_at_scanner_speed_on_home_is_no_placard(demo_home: Path) -> None:
    before = Inspection.select().count()
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, "hello world 123")
        assert isinstance(app.screen, HomeScreen)
        assert t("placard.check.not_fieldapp") in messages(app)
    assert Inspection.select().count() == before


async def test_a_person_pressing_a_hotkey_on_home_still_gets_it(demo_home: Path) -> None:
    app, _ = scanning_app(pace=0.2)  # a person: 200 ms between keys
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("i")  # the highlighted venue's inspections
        await settle(app, pilot)
        assert not isinstance(app.screen, HomeScreen)
