"""People (F11) and Find venue (/) find Chinese names by pinyin typed on an English
keyboard, as the palette finds a command: in full (`linshuzhen`), by initials (`lsz`) or
mixed (`chenjg`), in either language. Typed Chinese finds what it found before."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from people_support import id_number, key_behind_pin, returnee_family
from pilot_support import SIZE, open_screen, settle
from pypinyin import lazy_pinyin
from textual.widgets import DataTable

from fieldapp.domain.romanized import pinyin_match
from fieldapp.i18n import set_language
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.services.people.registry import MemberForm
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.screens.people import PeopleScreen
from fieldapp.tui.widgets import PagedTable

FAMILY = ["陈建国", "林秀英", "陈小明"]  # returnee_family, household DM-017


@pytest.fixture(params=["zh", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("zh")


@pytest.fixture
def two_households(demo_home: Path) -> Path:
    key_behind_pin()
    family = returnee_family(me().grids[0][0])
    registry.save_household(family)
    neighbour = MemberForm("林淑珍", sex="female", id_number=id_number("450102", "19560101", "264"))
    registry.save_household(
        replace(family, code="DM-018", address="鼎美村三组18号", members=[neighbour])
    )
    return demo_home


def _names(table: DataTable[object]) -> list[str]:
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


@pytest.mark.parametrize(
    ("typed", "listed"),
    [
        ("linshuzhen", ["林淑珍"]),  # in full
        ("lsz", ["林淑珍"]),  # by initials
        ("chenjg", FAMILY),  # mixed: the household of 陈建国
        ("xiaoming", FAMILY),  # the given name alone
        ("林淑", ["林淑珍"]),  # Chinese, as before
    ],
)
async def test_people_search_finds_a_name_by_its_pinyin(
    two_households: Path, language: str, typed: str, listed: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        table = screen.query_one("#people-table", DataTable)
        assert len(_names(table)) == 4
        await pilot.press("slash", *typed)
        await settle(app, pilot, rounds=2)
        assert _names(table) == listed


async def test_people_search_by_letters_no_name_spells_finds_nobody(
    two_households: Path, language: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("slash", *"zhangsan")
        await settle(app, pilot, rounds=2)
        assert _names(screen.query_one("#people-table", DataTable)) == []


async def _found(typed: str) -> list[str]:
    """The codes Find venue lists after `typed` is typed into its search field."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "slash", FindVenueScreen)
        await pilot.press(*typed, "enter")
        await settle(app, pilot)
        table = screen.query_one("#results", PagedTable)
        return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def _spelled_by(typed: str, venue: Venue) -> bool:
    """`typed` finds `venue` as the palette would find its name, or as text."""
    text = f"{venue.name} {venue.code} {venue.address}".casefold()
    return pinyin_match(typed, venue.name) > 0 or typed in text


@pytest.mark.parametrize("form", ["full", "initials"])
async def test_find_venue_finds_a_demo_venue_by_its_pinyin(
    demo_home: Path, language: str, form: str
) -> None:
    venue = Venue.select().order_by(Venue.code).first()  # first in code order: on page 1
    shop = venue.name.split("·", 1)[1][:2]  # after the village's name: 红星小吃店 → 红星
    readings = [lazy_pinyin(char)[0] for char in shop]
    typed = "".join(readings) if form == "full" else "".join(r[0] for r in readings)
    found = await _found(typed)
    assert found[0] == venue.code
    assert all(_spelled_by(typed, Venue.get(Venue.code == code)) for code in found)


@pytest.mark.parametrize("typed", ["dongfang", "dfh", "dongfangh", "DongFang"])
async def test_find_venue_finds_a_venue_added_here_by_its_pinyin(
    demo_home: Path, language: str, typed: str
) -> None:
    first = Venue.select().order_by(Venue.code).first()
    Venue.create(
        id="v-dongfang", code="AA-0001", name="示例镇·东方红小吃店", kind="small_restaurant",
        grid=first.grid_code, address="示例镇兴业路1号",
    )  # fmt: skip
    assert await _found(typed) == ["AA-0001"]
