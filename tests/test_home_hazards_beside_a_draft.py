"""English Home at 80×24 with an unfinished inspection beside the hazards I own: the
hazards' severity is read whole, header and values (it read "Severi" and "Genera" when
the pane was 46 cells and the states grew to "To rectify", "To re-check")."""

from __future__ import annotations

import re
from pathlib import Path

from pilot_support import at_home

from fieldapp.i18n import t
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen


def start_a_draft() -> None:
    from fieldapp.services.inspection import inspections

    grids = grid_codes_under([code for code, _ in me().grids])
    venue = Venue.select().where(Venue.grid.in_(grids)).order_by(Venue.code).first()
    inspections.start_inspection(venue.id, presence="manual", reason="other", note="门卫未开门")


async def test_the_severity_is_whole_beside_an_unfinished_inspection(demo_home: Path) -> None:
    start_a_draft()
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        assert screen.query_one("#drafts-pane").region.width, "the draft is beside"
        pane = screen.query_one("#findings").region
        strips = app.screen._compositor.render_strips()[pane.y : pane.bottom]
        lines = [strip.crop(pane.x, pane.right).text for strip in strips]
        findings = screen.home_view.findings
    text = "\n".join(lines)
    assert re.search(re.escape(t("home.col.severity")) + r"(\s|$)", lines[0]), text
    severities = "|".join(re.escape(t(f"severity.{s}")) for s in ("major", "general"))
    rows = [line for line in lines[1:] if re.search(r"\d\d-\d\d", line)]
    assert len(rows) >= min(3, len(findings)), text
    for row in rows:
        assert re.search(rf" ({severities})(\s|$)", row), row
