"""A toast never breaks a file path or a date inside (fieldapp.tui.phrases): at 80 columns
in English, F6 then m said "…/exports/mo" / "nthly-report-T01-2026-12.xlsx". A path that
does not fit the rest of a line starts the next; one wider than a line is broken after a
"/", each name in it whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_toast_phrases import toast_lines

from fieldapp.services.demo.workspace import act_as
from fieldapp.tui.app import make_app
from fieldapp.tui.phrases import phrase_offsets
from fieldapp.tui.screens.dashboard import DashboardScreen


def lines_of(text: str, width: int) -> list[str]:
    cuts = [0, *phrase_offsets(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_monthly_reports_paths_are_broken_after_a_slash(
    demo_home: Path, lang: str
) -> None:
    act_as("supervisor")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_screen(app, pilot, "f6", DashboardScreen)
        await settle(app, pilot, rounds=2)
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await settle(app, pilot, rounds=2)
        lines = toast_lines(app)
        message = list(app._notifications)[-1].message
    paths = re.findall(r"/[^\s、，。]+", message)
    assert paths and any("monthly-report" in p or "月报" in p for p in paths), message
    for path in paths:
        for name in filter(None, path.split("/")):
            assert any(name in line for line in lines), (name, lines)


def test_a_date_starts_the_next_line_whole() -> None:
    assert lines_of("The deadline is now 2026-11-18 for the hazard.", 22) == [
        "The deadline is now ",
        "2026-11-18 for the ",
        "hazard.",
    ]
    assert lines_of("整改期限已延长到 2026-11-18，请按期复查。", 20)[1].startswith("2026-11-18")
