"""Patrols (ctrl+g) at 60×20: the due route read "烟花爆竹巡… (FW…" in English, its name cut
to fit the 80-column width and the whole cut again at the narrower column. The name alone
gives way now, cut once with "…", and the route's code stays whole after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import seed_patrol_store
from pilot_support import open_screen, settle

from fieldapp.i18n import set_language, t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrols import PatrolsScreen
from fieldapp.tui.widgets.table import Table, cut_before


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_long_route_name_is_cut_once_before_its_code(home: Path, lang: str) -> None:
    seed_patrol_store()  # 烟花爆竹巡逻 (FW-01), due all day
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(60, 20)) as pilot:
        patrols = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        due = patrols.query_one("#patrols-due", Table)
        row = "".join(s.text for s in due.render_line(1))
    code = t("app.aside", text="", aside="FW-01")
    route = row.split("00:00-23:59")[0].strip()
    assert route.endswith("…" + code), row
    assert route.count("…") == 1 and route.startswith("烟花爆"), row


def test_a_name_with_too_little_room_is_cut_with_its_code_once() -> None:
    assert cut_before("烟花爆竹巡逻", " (FW-01)", 20) == "烟花爆竹巡逻 (FW-01)"
    assert cut_before("烟花爆竹巡逻", " (FW-01)", 13) == "烟花… (FW-01)"
    assert cut_before("烟花爆竹巡逻", " (FW-01)", 10) == "烟花爆竹…"  # no room for the name
