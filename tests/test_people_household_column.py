"""People (F11) at 120×36: the household column shows each household's number whole.
At 12 cells "2号楼 T01-DM-1-01" read "2号楼 T01-DM" while ~40 columns stood empty on the
right, and three households of one building (T01-DM-1-01, -02, -03) looked the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin
from pilot_support import open_screen

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.people import PeopleScreen


@pytest.fixture
def one_building(demo_home: Path) -> Path:
    """Three households of one building in my first grid, numbered as the demo's are."""
    from fieldapp.services.common.identity import me
    from fieldapp.services.people import registry
    from fieldapp.services.people.registry import HouseholdForm, MemberForm

    key_behind_pin()
    grid = me().grids[0][0]
    for n, name in enumerate(("陈建国", "林秀英", "黄志强"), start=1):
        registry.save_household(
            HouseholdForm(grid_code=grid, code=f"T01-DM-1-{n:02d}", building="2号楼",
                          members=[MemberForm(name)])
        )  # fmt: skip
    return demo_home


async def test_the_household_numbers_are_whole_at_120_columns(one_building: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        table = screen.query_one("#people-table").region
        strips = app.screen._compositor.render_strips()[table.y + 1 : table.bottom]
        text = "\n".join(strip.text for strip in strips)
        shown = {household for household, _member in screen.members.values()}
    rows = text.splitlines()
    for household in shown:
        for member in household.members:
            row = next(row for row in rows if member.name in row)
            assert household.code in row, f"{household.code}:\n{text}"
    assert len(shown) == 3, text
