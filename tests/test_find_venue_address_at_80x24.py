"""The find-venue list (/) at 80×24 showed each address's first cells, "示例" or "示例镇鼎",
the same on every row: the demo's addresses all start with their town and village. The
column shows what follows the names of the venue's grids (湘洲路215号), whole, in both
languages, and the columns before it are still seen (a name given up for it ends with
"…")."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from test_find_venue import open_find
from venue_name_support import reads_as

from fieldapp.services.common.grid_tree import street_of
from fieldapp.tui.app import make_app


def test_the_street_is_what_follows_the_grids_names() -> None:
    grids = ["示例镇", "鼎美村", "鼎美村第一网格"]
    assert street_of("示例镇鼎美村湘洲路215号", grids) == "湘洲路215号"
    assert street_of("村委会", grids) == "村委会"  # nothing of it is a grid's name
    assert street_of("示例镇鼎美村", grids) == "示例镇鼎美村"  # nothing else: whole


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_each_row_shows_its_street_whole(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_find(app, pilot)
        await settle(app, pilot, rounds=2)
        screen = app.screen
        table = screen.query_one("#results")
        strips = screen._compositor.render_strips()
        rows = screen.rows[: table.region.height - 2]
        lines = [strips[table.region.y + 1 + n].text for n in range(len(rows))]
    assert len(rows) >= 5
    streets = set()
    for row, line in zip(rows, lines, strict=True):
        assert row.street != row.address, row.address  # the demo's start with their grids
        assert line.rstrip(" ▁▂▃▄▅▆▇█▉▊▋▌▍▎▏").endswith(row.street), (row.street, line)
        assert row.code in line, line
        name = line.split(row.code, 1)[1].lstrip().split("  ")[0]
        assert reads_as(name, row.name), line
        streets.add(row.street)
    assert len(streets) == len(rows)  # each row tells its venue apart
