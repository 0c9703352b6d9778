"""王五's 离开日期 set to today left him in F11 unmarked, and his household still said
1 人 more than lived there. A person who has left reads 已迁出 / Moved out, dimmed and
listed after everyone still here, and is not counted among the household's people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from people_support import key_behind_pin
from pilot_support import open_screen, settle
from textual.widgets import DataTable, Static

from fieldapp.i18n import set_language
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.people import PeopleScreen


@pytest.mark.parametrize(
    ("lang", "mark", "count"), [("zh", "已迁出", "1 人"), ("en", "Moved out", "people: 1 ")]
)
async def test_a_person_who_moved_out_is_marked_last_and_not_counted(
    demo_home: Path, lang: str, mark: str, count: str
) -> None:
    key_behind_pin()
    left = dt.date.today().isoformat()
    registry.save_household(HouseholdForm(grid_code=me().grids[0][0], code="DM-060", members=[
        MemberForm("王五", sex="male", left_on=left), MemberForm("王六", sex="male"),
    ]))  # fmt: skip
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_screen(app, pilot, "f11", PeopleScreen)
            table = screen.query_one("#people-table", DataTable)
            rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
            assert rows[-1][:2] == ["王五", mark], rows
            assert all(mark not in row for row in rows[:-1])
            table.move_cursor(row=table.row_count - 1)
            await settle(app, pilot)
            box = " ".join(str(screen.query_one("#people-household", Static).render()).split())
            assert "DM-060" in box and count in box, box
    finally:
        set_language("zh")
