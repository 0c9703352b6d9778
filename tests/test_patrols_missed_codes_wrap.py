"""Patrols (ctrl+g) at 120x36, a window with all four checkpoints missed: the attendance's
漏巡点位 column said "4：DM-CP01 DM-CP02 DM-CP03 DM…", the last code cut away at its
30 cells. The codes now go on in the row's next line, under the first, so every missed
checkpoint is named, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import POINTS, ROUTE_ID, point_id, seed_patrol_store
from pilot_support import open_screen, settle
from textual.widgets import DataTable

from fieldapp.i18n import set_language
from fieldapp.store.patrol_models import Checkpoint
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrols import PatrolsScreen

CODES = ("DM-CP01", "DM-CP02", "DM-CP03", "DM-CP04")  # the demo's checkpoint codes


def _nothing_visited() -> None:
    from fieldapp.services.patrols import runs

    for old, code in zip(POINTS, CODES, strict=True):
        Checkpoint.update(code=code).where(Checkpoint.id == point_id(old)).execute()
    runs.finish_run(runs.start_run(ROUTE_ID).id)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_missed_checkpoint_is_named(home: Path, lang: str) -> None:
    seed_patrol_store()
    _nothing_visited()
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        table = screen.query_one("#patrols-attendance", DataTable)
        shown = [table.render_line(y).text for y in range(table.size.height)]
    set_language("zh")
    count = "4：" if lang == "zh" else "4: "
    first = next(n for n, line in enumerate(shown) if count + "DM-CP01" in line)
    row = " ".join(shown[first : first + 2])  # the row's two lines, as the eye reads them
    assert all(code in row for code in CODES), shown
    assert "…" not in row, shown
