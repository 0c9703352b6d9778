"""At 60×20 home's unfinished inspection beside the hazards had six cells: its venue read
"老渡" under a title cut to "未完成", and nothing told one draft from another. Where the
row leaves the drafts fewer than `DRAFTS_MIN` cells beside the hazards, they are above
them instead: the title whole, the venue's name on its own line, the hazards the whole
width below (two of them in sight) and the due list its five venues, in both languages;
the draft is opened from there. At 80 columns the drafts stay beside the hazards
(test_home_draft_venue_room.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, settle
from rich.cells import cell_len
from test_home_hazards_beside_a_draft import start_a_draft

from fieldapp.i18n import t
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.widgets.findings_table import FindingsTable

NAME_SEEN = 16  # cells of the venue's name at the least: "老渡口农贸市场·…"


def _pane_lines(app, widget_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    pane = app.screen.query_one(widget_id).region
    strips = app.screen._compositor.render_strips()[pane.y : pane.bottom]
    return [strip.crop(pane.x, pane.right).text for strip in strips]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_draft_s_venue_reads_at_60_columns(demo_home: Path, lang: str) -> None:
    start_a_draft()
    name = Inspection.get(Inspection.status == "draft").venue.name
    app = make_app(lang=lang)
    async with app.run_test(size=(60, 20)) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        drafts = "\n".join(_pane_lines(app, "#drafts-pane"))
        seen = next((name[:n] for n in range(len(name), 0, -1) if name[:n] in drafts), "")
        assert cell_len(seen) >= min(NAME_SEEN, cell_len(name)), drafts
        title = t("home.drafts.title", count=1)
        assert title in drafts, drafts
        findings = screen.query_one("#findings", FindingsTable)
        hazards = _pane_lines(app, "#findings")
        assert len(findings.findings) >= 2 and len(hazards) >= 3, hazards  # header, two rows
        assert t("home.col.severity") in hazards[0], hazards
        whole = screen.query_one("#home-lower").content_size.width
        assert screen.query_one("#findings-pane").region.width == whole, hazards
        assert len(_pane_lines(app, "#due")) >= 6, "the due list's header and five venues"
        screen.query_one("#drafts").focus()
        await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, InspectScreen)
