"""The find-venue list (/) at 80×24: every column's heading that comes into sight reads
whole, in both languages (English showed "Addre" at the screen's edge)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from test_dashboard_headers_fit import header_line
from test_find_venue import open_find

from fieldapp.i18n import t
from fieldapp.tui.app import make_app


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_headings_in_sight_read_whole(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_find(app, pilot)
        await settle(app, pilot, rounds=2)
        line = header_line(app, "#results")
        words = line.split()
        for key in ("code", "name", "kind", "grid", "address"):
            heading = t(f"find.col.{key}")
            assert heading in words, (heading, line)
