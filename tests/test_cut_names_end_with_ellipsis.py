"""A name cut at a column's edge shows "…" where it was cut, never a space before it. At 80
columns Home's due list cut venue names bare (老渡口农贸市场·富源旅社(), at 120 Home's
hazards padded a space before the "…" (鼎美村·惠民大排档( …), and the inspections review
list (F5, i) cut its "Inspector" header to "Inspec"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import at_home, settle
from test_home_hazards_beside_a_draft import start_a_draft
from venue_name_support import fitted_in

from fieldapp.i18n import t
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.home import HomeScreen


def pane_lines(app: FieldApp, selector: str) -> list[str]:
    region = app.screen.query_one(selector).region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [strip.crop(region.x, region.right).text for strip in strips]


@pytest.mark.parametrize(("lang", "size"), [("en", (80, 24)), ("zh", (80, 24)), ("zh", (120, 36))])
async def test_venue_names_are_whole_or_end_with_an_ellipsis(
    demo_home: Path, lang: str, size: tuple[int, int]
) -> None:
    if size[0] >= 100:  # beside a draft: alone, the hazards have room for every name
        start_a_draft()
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        due = pane_lines(app, "#due")
        findings = pane_lines(app, "#findings")
        view = screen.home_view
    for row, line in zip(view.due, due[1:-1], strict=False):  # under the header
        assert fitted_in(row.name, line), "\n".join(due)
    names = [finding.venue for finding in view.findings]
    cut = [line for line in findings if "…" in line]
    if size[0] >= 100:
        assert cut, "\n".join(findings)  # the long names are cut here
    # cut exactly as the lists fit names (venue_name_in), never padded before a "…"
    for line in cut:
        shown = [fitted_in(name, line) for name in names]
        assert any(s and s != name for s, name in zip(shown, names, strict=True)), line


async def test_the_inspections_review_headers_are_whole_at_80_columns(
    demo_supervisor: Path,
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("i")
        await settle(app, pilot, rounds=2)
        header = pane_lines(app, "#inspections-table")[0]
    for key in ("submitted", "code", "venue", "inspector"):
        assert re.search(re.escape(t(f"review_ui.icol.{key}")) + r"(\s|$)", header), header
