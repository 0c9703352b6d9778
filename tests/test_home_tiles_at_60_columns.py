"""At 60×20 in English home's tiles read "120 Due tod…" and "120 Activiti…": the label was
cut and the count jumped before it, where Chinese read "今日到期 120". A tile too narrow
for its label and count now shows the label's short form before the count ("Today 120",
"本周 120"), in both languages; where the whole label fits (70 columns and wider) it is
shown as before."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pilot_support import at_home
from rich.cells import cell_len

from fieldapp.i18n import set_language, t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets.bucket_tile import BucketTile

BUCKETS = ("overdue", "today", "week", "activities")


async def tiles_with_120(lang: str, size: tuple[int, int]) -> list[str]:
    """The text inside each home tile's border, on a terminal of `size`, when home shows
    120 of each (the demo's counts changed on their way to the screen)."""
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen) and home.home_view is not None
        counts = {bucket: 120 for bucket in BUCKETS[:3]}
        home.show(dataclasses.replace(home.home_view, counts=counts, activities_due=120))
        await pilot.pause()
        drawn = []
        for bucket in BUCKETS:
            tile = home.query_one(f"#bucket-{bucket}", BucketTile)
            lines = ["".join(s.text for s in tile.render_line(y)) for y in range(tile.size.height)]
            drawn += [line.strip("│ ") for line in lines if line.strip("│╭╮╰╯─ ")]
        return drawn


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", ["Overdue 120", "Today 120", "Week 120", "Activity 120"]),
        ("zh", ["已逾期 120", "今日到期 120", "本周 120", "定期工作 120"]),
    ],
)
async def test_at_60_columns_each_tile_reads_its_label_then_its_count(
    demo_home: Path, lang: str, shown: list[str]
) -> None:
    assert await tiles_with_120(lang, (60, 20)) == shown


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_at_70_columns_the_tiles_keep_their_whole_labels(demo_home: Path, lang: str) -> None:
    drawn = await tiles_with_120(lang, (70, 20))
    whole = [t("home.bucket", label=t(f"bucket.{bucket}"), count=120) for bucket in BUCKETS]
    assert drawn == whole
    assert all(cell_len(text) <= 14 for text in drawn)  # 14 cells inside each border
