"""Rounds (F7) at 80×24: the due list's bucket choice reads whole in its box, in both
languages (English read "Due this week (overdue include… ▼")."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.widgets import Select

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.rounds import RoundsScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_bucket_choice_reads_whole(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f7", RoundsScreen)
        await settle(app, pilot, rounds=2)
        box = screen.query_one("#due-bucket", Select)
        assert box.value == "all"
        strips = app.screen._compositor.render_strips()
        x, right = box.region.x, box.region.right
        rows = [strips[y].crop(x, right).text for y in range(box.region.y, box.region.bottom)]
        label = t("rounds.bucket.all")
        assert any(label in row for row in rows), rows
