"""What the people screen (F11) refuses, or warns about, driven by Pilot: a second
follow-up plan on a person, a household nobody could find, a merge nobody confirmed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from people_support import key_behind_pin, member_named, returnee_family
from pilot_support import SIZE, open_screen, settle
from textual.widgets import DataTable

from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.store.followup_models import FollowupPlan
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.screens.people import PeopleScreen


@pytest.fixture
def unlocked(demo_home: Path) -> Path:
    key_behind_pin()
    return demo_home


def _move_to(screen: PeopleScreen, name: str) -> None:
    table = screen.query_one("#people-table", DataTable)
    table.focus()
    names = [table.get_row_at(row)[0] for row in range(table.row_count)]
    table.move_cursor(row=names.index(name))


async def _key_on_chen(app, pilot, key: str):  # type: ignore[no-untyped-def]
    """F11, the cursor on 陈建国 (returnee_family), `key`: (the people screen, what it
    opened)."""
    screen = await open_screen(app, pilot, "f11", PeopleScreen)
    await pilot.press("down")  # F11 opens on the search; Down goes to the list
    _move_to(screen, "陈建国")
    await pilot.press(key)
    await settle(app, pilot)
    return screen, app.screen


async def _new_household_named(app, pilot, name: str):  # type: ignore[no-untyped-def]
    """n on the people screen: the form for a new household, its first grid chosen and
    `name` typed; returns the dialog."""
    from textual.widgets import Input, Select

    from fieldapp.tui.dialogs.person import PersonDialog

    await pilot.press("n")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, PersonDialog)
    dialog.query_one("#person-grid", Select).value = dialog.grids[0][1]
    dialog.query_one("#person-name", Input).value = name
    return dialog


async def test_a_second_follow_up_plan_on_a_person_is_refused(unlocked: Path) -> None:
    """f, F10 on one person: one plan (every slot once). f again does not make a second
    one: it offers to end the running plan early (until when it runs, and a reason), and
    Esc keeps it."""
    from fieldapp.tui.dialogs.plan import PlanDialog

    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        _move_to(screen, "陈建国")
        await pilot.press("f")
        await settle(app, pilot)
        assert isinstance(app.screen, PlanDialog)
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
        await pilot.press("f")
        await settle(app, pilot)
        assert isinstance(app.screen, AskDialog)
        last_day = FollowupPlan.get().start_on.toordinal() + 13
        assert "提前结束" in app.screen.title_text
        assert str(dt.date.fromordinal(last_day)) in app.screen.title_text
        await pilot.press("f10")  # no reason: not ended
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        assert FollowupPlan.select().count() == 1 and FollowupPlan.get().ended_at is None
        assert FollowupPlan.get().member_id == member_named("陈建国").id


async def test_a_new_household_with_neither_address_nor_number_is_refused(
    unlocked: Path,
) -> None:
    """n, a grid and a name only, F10: the form comes back with the name kept and says to
    fill the address or the household number; with an address it saves."""
    from textual.widgets import Input, Static

    from fieldapp.store.people_models import Household
    from fieldapp.tui.dialogs.person import PersonDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await _new_household_named(app, pilot, "王无址")
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        assert dialog.query_one("#person-name", Input).value == "王无址"
        problems = str(dialog.query_one("#person-problems", Static).render())
        assert problems == "请填写地址或户号（至少一项），下次才能找到这一户。"
        assert Household.select().count() == 0
        dialog.query_one("#person-address", Input).value = "鼎美村五组3号"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PeopleScreen)
        assert member_named("王无址").household.address == "鼎美村五组3号"


def test_a_household_number_alone_is_enough_and_a_held_household_is_not_refused(
    unlocked: Path,
) -> None:
    from fieldapp.services.people.registry import HouseholdForm, MemberForm

    grid = me().grids[0][0]
    held = registry.save_household(HouseholdForm(grid, code="DM-300", members=[MemberForm("甲某")]))
    with pytest.raises(registry.RegistryInvalid) as refused:
        registry.save_household(HouseholdForm(grid, building="五组", members=[MemberForm("乙某")]))
    assert [p.where for p in refused.value.problems] == ["household.address"]
    # A household held from before the rule (neither) still takes a person: not refused.
    from fieldapp.store.people_models import Household

    Household.update(code="").where(Household.id == held).execute()
    registry.save_household(HouseholdForm(grid, id=held, members=[MemberForm("丙某")]))
    assert member_named("丙某").household_id == held


async def test_a_held_id_number_is_named_at_entry_and_a_merge_asks_first(unlocked: Path) -> None:
    """A person typed with the ID number of one held already is saved (nobody missed) with
    a warning naming the other; the supervisor's Enter in the duplicates list asks before
    it merges, and No (or Esc) merges nothing."""
    from people_support import FATHER
    from textual.widgets import Input, Select

    from fieldapp.services.demo import workspace as demo
    from fieldapp.store.people_models import HouseholdMember
    from fieldapp.tui.dialogs.confirm import ConfirmDialog
    from fieldapp.tui.dialogs.duplicates import DuplicatesDialog
    from fieldapp.tui.dialogs.person import PersonDialog

    demo.act_as("supervisor")
    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, dialog = await _key_on_chen(app, pilot, "n")
        assert isinstance(dialog, PersonDialog)
        dialog.query_one("#person-grid", Select).value = dialog.grids[0][1]
        for name, value in {"code": "DM-200", "name": "陈建国", "id_number": FATHER}.items():
            dialog.query_one(f"#person-{name}", Input).value = value
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen and HouseholdMember.select().count() == 4
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert warnings == [
            "陈建国 的身份证号与已登记的 陈建国（DM-017）相同：请核对号码；"
            "若是同一人，请网格长按 m（重复人员）合并"
        ]
        _move_to(screen, "林秀英")
        await pilot.press("m")
        await settle(app, pilot)
        assert isinstance(app.screen, DuplicatesDialog)
        for answer in ("n", "escape"):
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press(answer)
            await settle(app, pilot, rounds=2)
            assert isinstance(app.screen, DuplicatesDialog)
            assert HouseholdMember.select().count() == 4
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        assert HouseholdMember.select().count() == 3
        assert [m.household.code for m in HouseholdMember.select() if m.name == "陈建国"] == [
            "DM-017"
        ]


async def test_esc_on_a_typed_person_form_asks_and_a_refused_one_asks_at_once(
    unlocked: Path,
) -> None:
    """n, a name, Esc: asked; Esc keeps the form. Refused (F10, no address), what was
    typed is still unsaved: Esc asks too, and y discards."""

    from fieldapp.tui.dialogs.confirm import ConfirmDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        dialog = await _new_household_named(app, pilot, "王无址")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is dialog
        await pilot.press("f10")  # no address: refused, said in the form
        await settle(app, pilot, rounds=3)
        again = app.screen
        assert again is dialog  # refused: the form stayed
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen is screen


async def test_an_edit_refused_still_says_what_an_empty_id_field_keeps(unlocked: Path) -> None:
    """e on a person: the ID number and phone fields start empty, their placeholders
    showing the masked values held. Refused (the name cleared), the form comes back with
    those placeholders still there: an empty field keeps the held value."""
    from textual.widgets import Input

    from fieldapp.tui.dialogs.person import PersonDialog

    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        _screen, dialog = await _key_on_chen(app, pilot, "e")
        assert isinstance(dialog, PersonDialog)
        hint = dialog.query_one("#person-id_number", Input).placeholder
        assert hint.startswith("不变：")
        dialog.query_one("#person-name", Input).value = ""
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        again = app.screen
        assert again is dialog  # refused: the form stayed
        assert again.query_one("#person-id_number", Input).placeholder == hint


async def test_record_with_no_follow_up_due_says_how_to_plan_one(unlocked: Path) -> None:
    """e on an empty follow-up list (ctrl+t) says there is nothing to record and how a
    follow-up is planned, where it did nothing."""
    from fieldapp.tui.screens.followups import FollowupsScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+t", FollowupsScreen)
        assert screen.query_one("#followups-due", DataTable).row_count == 0
        await pilot.press("e")
        await settle(app, pilot)
        said = [n.message for n in app._notifications]
        assert any("没有待随访" in m and "F11" in m for m in said), said
