"""What the review screen tests share: the demo supervisor, opening the review screen, its table's
keys, the app's notices, hazards reported fixed, and the documents the screen says it wrote.

Test modules take the `people` fixture by importing `people_fixture`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.message import Message

from fieldapp.services.common import settings
from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import findings
from fieldapp.store.models import Finding
from fieldapp.tui.app import FieldApp
from fieldapp.tui.screens.inspection_review import InspectionReviewScreen
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.screens.sync import SyncRequested
from fieldapp.tui.widgets import PagedTable


@pytest.fixture(name="people")
def people_fixture(demo_home: Path) -> dict[str, str]:
    """The demo's people (inspector, inspector2, supervisor); the device acts as supervisor."""
    demo.act_as("supervisor")
    return dict(settings.get(demo.DEMO_SETTING)["people"])


async def open_review(app: FieldApp, pilot) -> ReviewScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot, rounds=2)
    await pilot.press("f5")
    await settle(app, pilot, rounds=2)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def table_keys(screen: ReviewScreen | InspectionReviewScreen, selector: str) -> list[str]:
    table = screen.query_one(selector, PagedTable)
    return [str(table.coordinate_to_cell_key((n, 0)).row_key.value) for n in range(table.row_count)]


async def move_to(screen: ReviewScreen, finding_id: str, pilot) -> None:  # type: ignore[no-untyped-def]
    table = screen.query_one("#review-table", PagedTable)
    table.move_cursor(row=table.get_row_index(finding_id))
    await settle(screen.app, pilot)  # type: ignore[arg-type]


def sync_requests(seen: list[Message]) -> list[str]:
    """The reasons of the SyncRequested messages the app received."""
    return [m.reason for m in seen if isinstance(m, SyncRequested)]


def messages(app: FieldApp) -> list[str]:
    return [n.message for n in app._notifications]


def report_fixed(count: int) -> list[str]:
    """The demo inspector reports `count` more open findings fixed (through the services)."""
    demo.act_as("inspector")
    chosen = [
        f.id
        for f in Finding.select()
        .where((Finding.state == "open") & (Finding.severity == "general"))
        .order_by(Finding.current_deadline.desc())
        .limit(count)
    ]
    for fid in chosen:
        findings.append_event(fid, "rectification_reported", note="已整改")
    demo.act_as("supervisor")
    return chosen


def skip_without_cjk_font() -> None:
    """The only reason a document test may skip: this machine has no CJK font (checked by
    that cause itself, before the test, never inferred from a missing file)."""
    from fieldapp.reports.placards import FontMissing, find_cjk_font

    try:
        find_cjk_font()
    except FontMissing as missing:
        pytest.skip(f"no CJK font on this machine: {missing}")


def said_written(app: FieldApp) -> list[Path]:
    """The paths the screen said it wrote ("已生成 <path>"); each must exist."""
    paths = [Path(m.removeprefix("已生成 ")) for m in messages(app) if m.startswith("已生成 ")]
    for path in paths:
        assert path.is_file() and path.stat().st_size > 0, f"said written, not there: {path}"
    return paths


def people_home() -> Path:
    from fieldapp.paths import data_home

    return data_home()
