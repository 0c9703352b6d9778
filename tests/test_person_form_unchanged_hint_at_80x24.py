"""Editing a person (F11, e) at 80×24: the ID number's and phone's hint (the number kept,
sealed, and that typing a new one changes it) is read whole in its field, in Chinese and
in English (English cut it at "(type a new")."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import edit_person, id_number, key_behind_pin
from rich.cells import cell_len
from textual.widgets import Input

from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.tui.app import make_app


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_kept_numbers_hint_is_read_whole(demo_home: Path, lang: str) -> None:
    key_behind_pin()
    number = id_number("350203", "19850214", "026")
    registry.save_household(
        registry.HouseholdForm(
            grid_code=me().grids[0][0],
            code="DM-021",
            address="鼎美村二组21号",
            members=[
                registry.MemberForm(
                    "黄丽华",
                    sex="female",
                    id_number=number,
                    phone="13012346871",
                )
            ],
        )
    )
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await edit_person(app, pilot, "黄丽华")
        for name, kept in (("id_number", number[-4:]), ("phone", "6871")):
            field = dialog.query_one(f"#person-{name}", Input)
            assert kept in field.placeholder, field.placeholder
            room = field.content_region.width
            assert cell_len(field.placeholder) <= room, (field.placeholder, room)
