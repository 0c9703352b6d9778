"""The export form (ctrl+e) says each outcome once, in its status line under the fields:
a bad range was said there and again in a toast drawn over the right half of that same
line ("开始日期晚于结束日期：2026-12-09 在 ▌"), and the result of an export the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle, workers_done
from textual.widgets import Input, Static

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen

pytestmark = pytest.mark.usefixtures("chinese")


def said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


@pytest.mark.parametrize(
    ("first", "last", "status"),
    [
        ("2026-12-09", "2026-12-06", "开始日期晚于结束日期：2026-12-09 在 2026-12-06 之后"),
        ("2026-02-30", "2026-03-06", "开始日期：2026 年 2 月没有 30 日"),
    ],
)
async def test_a_bad_range_is_said_in_the_status_line_only(
    demo_supervisor: Path, first: str, last: str, status: str
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        screen.query_one("#export-from", Input).value = first
        screen.query_one("#export-to", Input).value = last
        await pilot.press("f10")
        await settle(app, pilot)
        assert str(screen.query_one("#export-status", Static).render()).startswith(status)
        assert said(app) == []
        assert not screen.running


async def test_the_result_is_said_in_the_status_line_only(
    demo_supervisor: Path, tmp_path: Path
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        out = tmp_path / "ledger.xlsx"
        screen.query_one("#export-path", Input).value = str(out)
        await pilot.press("f10")
        await workers_done(app)
        await settle(app, pilot, rounds=2)
        assert screen.written == (out,)
        assert str(out) in str(screen.query_one("#export-status", Static).render())
        assert said(app) == []
