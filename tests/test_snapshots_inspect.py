"""Snapshots of the inspect and summary screens on a frozen date with fixed data.

Update with `pytest tests/test_snapshots_inspect.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inspect_support import open_inspection, seed_store, settle
from textual.pilot import Pilot
from textual.widgets import Input

from fieldapp.tui.app import make_app

SIZE = (120, 36)


async def _steady(pilot: Pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await settle(pilot.app, pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


def test_inspect_screen(home: Path, frozen_clock: dt.datetime, snap_compare) -> None:  # type: ignore[no-untyped-def]
    seed_store()
    app = make_app(lang="zh")

    async def run_before(pilot: Pilot) -> None:
        await open_inspection(pilot.app, pilot)
        await pilot.press("3", "enter", "n")  # COM-01 counted, COM-02 fails
        await pilot.press("f10")  # the prefilled finding saved
        await pilot.press("m", *"压力表指针在红区", "enter")
        await pilot.press("left_square_bracket")  # back to COM-02: its answer and finding
        await _steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_inspect_screen_number_item(home: Path, frozen_clock: dt.datetime, snap_compare) -> None:  # type: ignore[no-untyped-def]
    seed_store()
    app = make_app(lang="zh")

    async def run_before(pilot: Pilot) -> None:
        await open_inspection(pilot.app, pilot)
        await pilot.press(*"1.2.3", "enter")  # a bad number: the message, focus kept
        await _steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_summary_screen(home: Path, frozen_clock: dt.datetime, snap_compare) -> None:  # type: ignore[no-untyped-def]
    seed_store()
    app = make_app(lang="zh")

    async def run_before(pilot: Pilot) -> None:
        await open_inspection(pilot.app, pilot)
        await pilot.press("0", "enter", "f10")  # COM-01 below its minimum: a finding
        await pilot.press("y", "y", "n", "f10")  # COM-04 fails (major)
        await pilot.press("s", *"王老板")
        await _steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
