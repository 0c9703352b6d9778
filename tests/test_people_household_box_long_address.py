"""People (F11) at 80x24: the box under the list said the household's number, building
and address first and its grid and people count after, so a long address filled the box
and the grid and 3 人 were cut off below it. The grid and count come first now; a long
address is what wraps. zh and en."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import household_of_one, key_behind_pin, on_person
from pilot_support import screen_lines

from fieldapp.i18n import set_language
from fieldapp.tui.app import make_app

BASE = "鼎美村第一网格幸福路与和平街交叉口东北角新建安置小区二期十七号楼三单元五零五室"
LONG = f"{BASE}（原{BASE}，又称{BASE}）"  # 127 characters, within the 200 allowed
SAID = {"zh": "1 人 · 车辆 -", "en": "people: 1 · vehicles -"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_long_address_leaves_the_grid_and_count_in_sight(
    demo_home: Path, lang: str
) -> None:
    key_behind_pin()
    household_of_one("张长址", code="DM-031", address=LONG, sex="male")
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await on_person(app, pilot, "张长址", "right")  # the cursor on them, nothing else
            lines = screen_lines(app)
            assert any(SAID[lang] in line for line in lines), lines
    finally:
        set_language("zh")
