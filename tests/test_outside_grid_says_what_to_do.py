"""F2, FS-0006 (a venue outside the inspector's grids) and Enter: the dialog said
服务器不会接收这次检查 yet offered 仍然开始, so a whole checklist could be filled for the
server to refuse (sync/server/inspections.py: a venue of a grid the person may not write
is refused as outside_grid). The server takes it only if the office assigns the grid before
the inspection syncs, which the device cannot know: the dialog says so, says what to do
instead (tell that grid's inspector or the supervisor; have the grid assigned, sync, then
start), and its start button is for that case alone, named as such, not on the focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import code_typed_into_scan, screen_text
from test_scan_outside_grid import venue_outside_my_grids
from textual.widgets import Button

from fieldapp.i18n import set_language
from fieldapp.store.models import Grid
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.outside_grid import OutsideGridDialog

SAID = {
    "zh": ("会被服务器退回", "告知该网格的网格员或您的主管", "同步（F12）后再开始"),
    "en": (
        "will refuse this inspection",
        "tell that grid's inspector or your supervisor",
        "sync (F12), then start",
    ),  # fmt: skip
}
START = {"zh": "已分配给我，仍然开始", "en": "Assigned to me: start"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_typed_venue_outside_my_grids_says_it_will_be_refused_and_what_to_do(
    demo_home: Path, lang: str
) -> None:
    venue = venue_outside_my_grids()
    grid = Grid.get(Grid.code == venue.grid_code)
    set_language(lang)
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await code_typed_into_scan(app, pilot, venue.code)
            dialog = app.screen
            assert isinstance(dialog, OutsideGridDialog)
            body = str(dialog.query_one(".dialog-body").render())
            assert grid.name in body
            for words in SAID[lang]:
                assert words in body, body
            assert START[lang] in screen_text(app)  # the whole label, in sight
            assert dialog.focused is dialog.query_one("#no", Button)
    finally:
        set_language("zh")
