"""Snapshots of the supervisor's review screen on the demo workspace, clock frozen.

Regenerate after a deliberate change with `pytest tests/test_snapshots_review.py
--snapshot-update` and commit the files under tests/__snapshots__.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from snapshot_support import tables_settled

from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import make_app

SIZE = (120, 36)

pytestmark = pytest.mark.usefixtures("chinese_in_utc")


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await tables_settled(pilot)


async def _overdue_queue(pilot) -> None:  # type: ignore[no-untyped-def]
    await _settle(pilot)
    await pilot.press("f5")
    await _settle(pilot)
    await pilot.press("2")
    await _settle(pilot)
    await pilot.press("space")
    await _settle(pilot)


def test_review_snapshot(frozen_clock: dt.datetime, demo_home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    demo.act_as("supervisor")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_overdue_queue)
