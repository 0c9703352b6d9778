"""The export form (ctrl+e): after a refused F10 the cursor stayed where it was (the format
list), while the other forms put it in the field at fault. It goes there now: a date that
is no date (saying which of the two), a start after the end (the start), an empty file
name. The refusal goes once that field is changed: it named a date no longer there."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.widgets import Input, Select, Static

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen

CASES = [
    ({"#export-to": "2026-13-45"}, "#export-to"),
    ({"#export-from": "2026-07-01", "#export-to": "2026-06-01"}, "#export-from"),
    ({"#export-path": ""}, "#export-path"),
]


@pytest.mark.parametrize(("typed", "at_fault"), CASES)
async def test_a_refused_export_puts_the_cursor_in_the_field_at_fault(
    demo_supervisor: Path, typed: dict[str, str], at_fault: str
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        for field, value in typed.items():
            screen.query_one(field, Input).value = value
        screen.query_one("#export-format", Select).focus()
        await pilot.press("f10")
        await settle(app, pilot)
        status = screen.query_one("#export-status", Static)
        said = str(status.render())
        assert said and "F10" not in said  # said why, in place of the hint
        assert not screen.running
        assert app.focused is screen.query_one(at_fault, Input)
        if at_fault == "#export-to":  # which of the two dates, and what is wrong with it
            assert said == "结束日期：没有 13 月：月份是 1 到 12，请检查日期。"
        # Mending the field at fault takes the refusal away: it named a date no longer there.
        await pilot.press("backspace" if typed[at_fault] else "x")
        await settle(app, pilot)
        assert "按 F10 开始导出" in str(status.render())
