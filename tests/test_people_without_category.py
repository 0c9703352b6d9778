"""A person with no category (类别) is an ordinary resident, not one followed up: the
category is not required, and the people table (F11, 80x24) says 未分类 / No group in that
cell rather than leaving it blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin
from pilot_support import open_screen
from textual.widgets import DataTable

from fieldapp.i18n import set_language
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.people import PeopleScreen


@pytest.mark.parametrize(("lang", "none"), [("zh", "未分类"), ("en", "No group")])
async def test_a_person_with_no_category_says_so(demo_home: Path, lang: str, none: str) -> None:
    key_behind_pin()
    family = HouseholdForm(grid_code=me().grids[0][0], code="DM-018", members=[
        MemberForm("王秀英", sex="female"),
        MemberForm("陈建国", sex="male", tags=("returnee",)),
    ])  # fmt: skip
    registry.save_household(family)
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_screen(app, pilot, "f11", PeopleScreen)
            table = app.screen.query_one("#people-table", DataTable)
            rows = {
                str(table.get_row_at(n)[0]): table.get_row_at(n) for n in range(table.row_count)
            }
            assert str(rows["王秀英"][1]) == none
            assert str(rows["陈建国"][1]) != none
    finally:
        set_language("zh")
