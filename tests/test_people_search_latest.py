"""People (F11) search: only the latest search's list is shown (a whole list read for a
cleared box, slower than the search typed after it, landed last and showed everyone as if
matched), and digits alone, part of an ID number or phone, which are sealed and cannot be
searched, say so rather than match nobody silently."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from people_support import id_number, key_behind_pin, returnee_family
from pilot_support import open_screen, settle
from textual.widgets import DataTable, Static

from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.services.people.registry import MemberForm
from fieldapp.tui.app import make_app
from fieldapp.tui.screens import people as people_screen
from fieldapp.tui.screens.people import PeopleScreen

NEIGHBOUR = id_number("450102", "19560101", "264")  # 17th digit even: a woman


@pytest.fixture
def two_households(demo_home: Path) -> Path:
    key_behind_pin()
    grid = me().grids[0][0]
    family = returnee_family(grid)
    registry.save_household(family)
    registry.save_household(
        replace(
            family,
            code="DM-018",
            address="鼎美村三组18号",
            members=[MemberForm("林淑珍", sex="female", id_number=NEIGHBOUR)],
        )  # fmt: skip
    )
    return demo_home


def names(table: DataTable[object]) -> list[str]:
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


async def test_the_whole_list_read_before_a_search_does_not_replace_its_result(
    two_households: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_people = people_screen.load_people
    whole_list_may_end = threading.Event()
    held = {"armed": False}

    def slow_for_the_whole_list(query: str, cadre: str = "") -> object:
        data = load_people(query, cadre)
        if held["armed"] and not query:
            whole_list_may_end.wait(timeout=10)  # ends after the search typed next
        return data

    monkeypatch.setattr(people_screen, "load_people", slow_for_the_whole_list)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        table = screen.query_one("#people-table", DataTable)
        assert len(names(table)) == 4
        await pilot.press("slash", *"陈建国")
        await settle(app, pilot, rounds=2)
        assert names(table) == ["陈建国", "林秀英", "陈小明"]  # the household of the match
        held["armed"] = True
        await pilot.press("ctrl+u")  # the box cleared: the whole list, read slowly
        await pilot.press(*"林淑珍")
        for _ in range(200):
            await pilot.pause()
            if names(table) == ["林淑珍"]:
                break
        assert names(table) == ["林淑珍"]
        whole_list_may_end.set()
        await settle(app, pilot, rounds=2)
        assert names(table) == ["林淑珍"]


async def test_digits_of_an_id_number_say_numbers_cannot_be_searched(
    two_households: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        table = screen.query_one("#people-table", DataTable)
        cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        assert any(cell.endswith(NEIGHBOUR[-4:]) for cell in cells)  # the mask shows them
        await pilot.press("slash", *NEIGHBOUR[-4:])
        await settle(app, pilot, rounds=2)
        assert table.row_count == 0
        box = str(screen.query_one("#people-household", Static).render())
        assert box == (
            f"没有与“{NEIGHBOUR[-4:]}”匹配的人员：身份证号和电话加密保存，不能搜索；\n"
            "请按姓名、户号、楼栋/屯或地址搜索"
        ), box
        await pilot.press("ctrl+u", *"nae")  # words: the usual message
        await settle(app, pilot, rounds=2)
        box = str(screen.query_one("#people-household", Static).render())
        assert box == "没有与“nae”匹配的人员：请换个词搜索，或清空搜索框", box
