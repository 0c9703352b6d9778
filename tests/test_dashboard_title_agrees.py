"""The dashboard (F6) is called the same in both languages: the Chinese says 网格长看板,
the grid head's (网格长, "Grid head" in English) dashboard, where the English said
"Supervisor dashboard", a role the English screens do not name."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, settle

from fieldapp.i18n import t
from fieldapp.tui.app import make_app


@pytest.mark.parametrize(("lang", "title"), [("zh", "网格长看板"), ("en", "Grid head's dashboard")])
async def test_the_dashboard_is_named_after_the_grid_head_in_both_languages(
    demo_supervisor: Path, lang: str, title: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_home(app, pilot)
        role = t("role.supervisor")
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        header = app.screen._compositor.render_strips()[0].text
    assert title in header, header
    assert role in title  # the role as home names it
