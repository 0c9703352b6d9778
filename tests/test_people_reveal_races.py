"""A number revealed on the people screen (F11) is masked again whatever replaces its table
meanwhile — a language switch, a resize that changes the columns, a reload — without a
crash; the revealed row stays in view; the status says why it was revealed."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import FATHER, key_behind_pin, returnee_family
from pilot_support import open_screen, settle
from textual.widgets import DataTable

from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.people import PeopleScreen

PHONE = "13800138000"


def rendered(app) -> str:  # type: ignore[no-untyped-def]
    """What the terminal shows now, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture
def family(demo_home: Path) -> Path:
    """A supervisor's device, unlocked, with the returnee family in its first grid."""
    from fieldapp.services.common.identity import me
    from fieldapp.services.people import registry

    key_behind_pin()
    demo.act_as("supervisor")
    registry.save_household(returnee_family(me().grids[0][0]))
    return demo_home


async def _reveal(app, pilot, key: str, name: str = "陈建国") -> PeopleScreen:  # type: ignore[no-untyped-def]
    """F11, the cursor on `name`, `key` (v or p), the first purpose, F10."""
    screen = await open_screen(app, pilot, "f11", PeopleScreen)
    table = screen.query_one("#people-table", DataTable)
    table.focus()
    names = [table.get_row_at(row)[0] for row in range(table.row_count)]
    table.move_cursor(row=names.index(name))
    await pilot.press(key, "down", "enter", "f10")  # ↓: the first purpose
    await settle(app, pilot)
    assert isinstance(app.screen, PeopleScreen)
    return screen


@pytest.mark.parametrize(("lang", "key", "value"), [("zh", "p", PHONE), ("en", "v", FATHER)])
async def test_switching_language_while_a_number_is_shown_masks_it(
    family: Path, lang: str, key: str, value: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await _reveal(app, pilot, key)
        assert value in rendered(app)
        await pilot.press("f9")
        await settle(app, pilot, rounds=3)
        assert app.is_running and isinstance(app.screen, PeopleScreen)
        assert "陈建国" in rendered(app) and value not in rendered(app)
        app.screen.mask_again()  # the timer, when it comes, finds nothing to do
        await settle(app, pilot)
        assert app.is_running and value not in rendered(app)


@pytest.mark.parametrize(("before", "after"), [((80, 24), (120, 36)), ((120, 36), (80, 24))])
async def test_a_resize_that_changes_the_columns_masks_the_number(
    family: Path, before: tuple[int, int], after: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=before) as pilot:
        screen = await _reveal(app, pilot, "p")
        assert PHONE in rendered(app)
        await pilot.resize_terminal(*after)
        await settle(app, pilot)
        assert app.is_running and "陈建国" in rendered(app) and PHONE not in rendered(app)
        screen.reload()  # as after a sync
        await settle(app, pilot)
        screen.mask_again()
        await settle(app, pilot)
        assert app.is_running and PHONE not in rendered(app)


async def test_the_revealed_row_stays_in_view_when_the_status_grows(family: Path) -> None:
    """At 80x24 the cursor on the last row shown: the two-line status under the list
    shrinks it, and the revealed row is scrolled back into view."""
    from people_support import id_number

    from fieldapp.services.common.identity import me
    from fieldapp.services.people import registry
    from fieldapp.services.people.registry import HouseholdForm, MemberForm

    for n in range(24):  # more people than 80x24 shows
        registry.save_household(
            HouseholdForm(
                grid_code=me().grids[0][0],
                code=f"DM-{100 + n}",
                members=[MemberForm(f"住户{n:02d}", id_number=id_number("450102", "19900101",
                                                                     f"{n:03d}"),
                                    phone=f"1370000{n:04d}")],
            )
        )  # fmt: skip
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        table = screen.query_one("#people-table", DataTable)
        table.focus()
        last_shown = int(table.scroll_y) + table.scrollable_content_region.height - 2
        assert last_shown < table.row_count - 1, "the list is longer than the screen"
        table.move_cursor(row=last_shown)
        await settle(app, pilot)
        name = str(table.get_row_at(last_shown)[0])
        assert name in rendered(app)
        await pilot.press("p", "down", "enter", "f10")
        await settle(app, pilot, rounds=2)
        revealed = screen.revealed
        assert revealed is not None and revealed[0] == str(table.coordinate_to_cell_key(
            table.cursor_coordinate).row_key.value)  # fmt: skip
        cell = str(table.get_cell(revealed[0], "phone"))
        assert "*" not in cell and cell in rendered(app), "the revealed number is out of view"
        assert name in rendered(app)


async def test_the_status_says_the_note_typed_for_other(family: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        table = screen.query_one("#people-table", DataTable)
        table.focus()
        names = [table.get_row_at(row)[0] for row in range(table.row_count)]
        table.move_cursor(row=names.index("陈建国"))
        await pilot.press("p", *["down"] * 4, "enter", *"派出所[核查]", "enter")  # 其他
        await settle(app, pilot)
        assert PHONE in rendered(app)
        assert "用途：派出所[核查]，已留痕" in rendered(app)
        assert "需填写说明" not in rendered(app)
        await pilot.press("p", "down", "enter", "f10")  # a named purpose: its label
        await settle(app, pilot)
        assert "用途：走访核实身份，已留痕" in rendered(app)
