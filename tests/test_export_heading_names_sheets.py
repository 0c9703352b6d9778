"""The export form's heading names what the file holds: it said 导出检查台账、隐患台账和隐患处理
记录 (inspections, hazards and their events) after the people register, follow-ups and
patrols joined them (eb294c1). Incidents and activities, written where the grids keep any,
are the "等" / "and more": eight names do not fit the form's one-line heading in English
at 80 columns (the heading's second line is cut)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import seed_store
from pilot_support import open_screen, screen_lines
from textual.widgets import Label

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen

# The sheets every ledger file holds (`fieldapp.services.export.ledger`), as the heading
# names them, then the word for the sheets written only where the grids keep any.
SHEETS = {
    "zh": ["检查", "隐患", "处理记录", "人员", "随访", "巡逻", "等"],
    "en": ["inspections", "hazards", "events", "people", "follow-ups", "patrols", "and more"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_heading_names_every_sheet(home: Path, lang: str) -> None:
    seed_store()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        heading = screen.query_one("#export-form .pane-title", Label)
        text = str(heading.render())
        assert any(text in line for line in screen_lines(app)), text  # whole, on one line
        at = -1
        for name in SHEETS[lang]:  # in the order the file holds them
            found = text.find(name, at + 1)
            assert found > at, (name, text)
            at = found
