"""The export form (ctrl+e) says which day of each record its dates pick, in the
person's language, whole and in sight at 80×24: an auditor exporting last week gets last
week's hazard events though their hazards were found before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen
from textual.widgets import Static

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["提交日", "发现日", "处理日", "随访期", "导出时的全部人员", "F10"]),
        (
            "en",
            [
                "day submitted",
                "day found",
                "day they happened",
                "days they run",
                "everyone as of the export",
                "F10",
            ],
        ),  # fmt: skip
    ],
)
async def test_the_form_says_what_its_dates_pick(
    demo_supervisor: Path, lang: str, words: list[str]
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        status = screen.query_one("#export-status", Static)
        said = str(status.render())
        assert all(word in said for word in words), said
        form = screen.query_one("#export-form")
        assert form.max_scroll_y == 0  # the whole form fits: nothing scrolled out of sight
        assert status.region.bottom <= form.region.bottom
