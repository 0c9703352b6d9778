"""At 120x36 the completion tab's (F6, 4) chart title wrapped with its legend's mark
apart from what it stands for: "By village this month (%)  ■" / "done %  ■ reported %".
Each entry of a legend ("■ done %") now stays on one line, in either language."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, settle
from textual.widgets import TabbedContent

from fieldapp.i18n import t
from fieldapp.tui.app import FieldApp, make_app


async def grids_plot_title(app: FieldApp, pilot) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines of the completion tab's chart title as drawn, from the start (F6, 4)."""
    await at_home(app, pilot)
    await pilot.press("f6")
    await settle(app, pilot, rounds=2)
    app.screen.query_one(TabbedContent).active = "tab-grids"
    await settle(app, pilot)
    region = app.screen.query_one("#grids-plot-title").region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [strip.crop(region.x, region.right).text.rstrip() for strip in strips]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_legend_entry_stays_on_one_line_at_120_columns(
    demo_supervisor: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        seen = await grids_plot_title(app, pilot)
        for series in ("done", "reported"):
            entry = f"■ {t(f'dashboard.legend.{series}')}"
            assert any(entry in line for line in seen), seen
        assert not any(line.endswith("■") for line in seen), seen
