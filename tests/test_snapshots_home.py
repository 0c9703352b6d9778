"""Snapshot of the home screen on the demo workspace with the clock frozen.

Regenerate after a deliberate change with `pytest tests/test_snapshots_home.py
--snapshot-update` and commit the files under tests/__snapshots__.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from snapshot_support import tables_settled

from fieldapp.app import make_app
from fieldapp.i18n import set_language

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def chinese_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Chinese, and local time = UTC, so the frozen clock gives the same day everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    set_language("zh")
    yield
    set_language("zh")
    monkeypatch.undo()
    time.tzset()


def test_home_snapshot(frozen_clock: dt.datetime, demo_home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=tables_settled)


def test_home_snapshot_english(frozen_clock: dt.datetime, demo_home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(lang="en"), terminal_size=SIZE, run_before=tables_settled)
