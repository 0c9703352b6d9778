"""At 80x24 a long Chinese message is broken where its phrases end, not inside a word:
Textual breaks a run of Chinese between any two characters, so the presence dialog's
note hint read "如“标牌" / "被遮挡”", People's sealed-number search "…户号、楼" / "栋/屯…",
the household box "网格 T01-DM-1 ·" / "3 人 · 车辆", and the outside-grid warning "…会接" /
"收这次检查", the export hint "随按随" / "访期". The catalogue puts a line break where a
phrase ends (the export hint a little shorter, to keep two lines); a dialog's refusal
(FormMessage) breaks where a phrase ends at the width it is drawn at."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from people_support import key_behind_pin, returnee_family
from pilot_support import at_home, open_screen, screen_lines, settle
from textual.widgets import DataTable

from fieldapp.i18n import set_language
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen
from fieldapp.tui.screens.people import PeopleScreen

SIZE = (80, 24)


def on_one_line(app, phrase: str) -> bool:  # type: ignore[no-untyped-def]
    return any(phrase in line for line in screen_lines(app))


async def test_the_presence_note_hint_keeps_its_example_whole(demo_home: Path) -> None:
    set_language("zh")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await at_home(app, pilot)
        await pilot.press("enter")  # the venue under the cursor, chosen by hand
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"
        await pilot.press("end", "enter")  # the last reason: other, and no note
        await pilot.press("f10")
        await settle(app, pilot)
        assert on_one_line(app, "选择“其他原因”时，请在备注中用文字写明原因"), screen_lines(app)
        assert on_one_line(app, "（至少两个字或四个字母，")  # two lines, not three
        assert on_one_line(app, "如“标牌被遮挡”），表情符号、标点和空格不算。")
        assert on_one_line(app, "表情符号、标点和空格不算。")


async def test_people_search_and_household_break_between_phrases(demo_home: Path) -> None:
    set_language("zh")
    key_behind_pin()
    family = returnee_family(me().grids[0][0])
    registry.save_household(replace(family, building="2号楼", address="鼎美村第一网格2号楼505室"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        assert screen.query_one("#people-table", DataTable).row_count
        lines = screen_lines(app)
        assert any(re.search(r"网格 \S+ · \d+ 人 · 车辆", line) for line in lines), lines
        assert any("户号 DM-017 · 楼栋/屯 2号楼" in line for line in lines), lines
        await pilot.press("slash", *"0265")  # digits: sealed numbers cannot be searched
        await settle(app, pilot, rounds=2)
        assert on_one_line(app, "请按姓名、户号、楼栋/屯或地址搜索"), screen_lines(app)


async def test_the_export_hint_breaks_after_its_first_sentence(demo_home: Path) -> None:
    set_language("zh")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "ctrl+e", ExportScreen)
        assert on_one_line(app, "隐患处理记录按处理日，随访按随访期。"), screen_lines(app)
        assert on_one_line(app, "人员台账不按日期，列出导出时的全部人员。按 F10 开始导出")
