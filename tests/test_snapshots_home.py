"""Snapshot of the home screen on the demo workspace with the clock frozen.

Regenerate after a deliberate change with `pytest tests/test_snapshots_home.py
--snapshot-update` and commit the files under tests/__snapshots__.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from snapshot_support import tables_settled

from fieldapp.tui.app import make_app

SIZE = (120, 36)

pytestmark = pytest.mark.usefixtures("chinese_in_utc")


def test_home_snapshot(frozen_clock: dt.datetime, demo_home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=tables_settled)


def test_home_snapshot_english(frozen_clock: dt.datetime, demo_home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(lang="en"), terminal_size=SIZE, run_before=tables_settled)
