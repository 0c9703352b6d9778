"""The people screen (F3) driven by Pilot: register a household offline, masked
everywhere, problems shown without losing what was typed, reveals for supervisors only."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from people_support import (
    FATHER,
    MOTHER,
    key_behind_pin,
    member_named,
    office_clock_at,
    record_when_open,
)
from pilot_support import SIZE, open_screen, settle
from textual.widgets import DataTable, Input, Select, Static

from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Outbox, Person
from fieldapp.store.people_models import HouseholdMember
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.dialogs.reveal_purpose import RevealPurposeDialog
from fieldapp.tui.screens.people import PeopleScreen

ID_NUMBER = re.compile(r"\d{17}[\dX]")


def rendered(app) -> str:  # type: ignore[no-untyped-def]
    """What the terminal shows now, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """Everything the screen shows: the screenshot's text, and tables cell by cell."""
    svg = app.export_screenshot()
    lines = [re.sub(r"<[^>]+>", "", svg).replace("&#160;", " ")]
    for table in app.screen.query(DataTable):
        for row in range(table.row_count):
            lines.append(" ".join(str(cell) for cell in table.get_row_at(row)))
    return "\n".join(lines)


async def _fill(app, pilot, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    dialog = app.screen
    assert isinstance(dialog, PersonDialog)
    for name, value in values.items():
        dialog.query_one(f"#person-{name}", Input).value = value
    await pilot.pause()


@pytest.fixture
def unlocked(demo_home: Path) -> Path:
    key_behind_pin()
    return demo_home


async def _refused_before_a_dialog(app, pilot, key: str, said: str) -> None:  # type: ignore[no-untyped-def]
    """`key` on the case under the cursor is refused, in words, with no dialog opened."""
    screen = app.screen
    await pilot.press(key)
    await settle(app, pilot)
    told = [n.message for n in app._notifications]
    assert app.screen is screen and told[-1] == said, told


async def _new_family_in_my_first_grid(app, pilot) -> PersonDialog:  # type: ignore[no-untyped-def]
    """People (F11), n: the form of a new family, in the first grid it offers."""
    await open_screen(app, pilot, "f11", PeopleScreen)
    await pilot.press("down")  # F11 opens on the search; Down goes to the list
    await pilot.press("n")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, PersonDialog)
    dialog.query_one("#person-grid", Select).value = dialog.grids[0][1]
    return dialog


async def test_a_family_registered_offline_is_masked_on_screen(unlocked: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        grid = dialog.query_one("#person-grid", Select)
        grid.value = dialog.grids[0][1]
        await _fill(app, pilot, {"code": "DM-017", "building": "三组", "name": "陈建国",
                                 "id_number": FATHER, "phone": "13800138000",
                                 "arrived_on": "2026-06-09"})  # fmt: skip
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PeopleScreen)
        assert HouseholdMember.select().count() == 1
        assert [row.type for row in Outbox.select().where(Outbox.state == "pending")][-1] == (
            "household.upsert"
        )
        text = screen_text(app)
        assert "陈建国" in text and "4501**********" + FATHER[-4:] in text
        assert "138****8000" in text
        assert not ID_NUMBER.search(text), "an unmasked ID number is on screen"
        # An inspector has no reveal key: it is not in the footer and does nothing.
        assert "v" not in {b.key for _, b, enabled, _ in app.screen.active_bindings.values()
                           if enabled and b.show}  # fmt: skip
        await pilot.press("v")
        await settle(app, pilot)
        assert not ID_NUMBER.search(screen_text(app))
        assert Outbox.select().where(Outbox.type == "personal_data.reveal").count() == 0


async def test_a_supervisor_reveals_an_id_number_and_the_reveal_is_queued_for_audit(
    unlocked: Path,
) -> None:
    from people_support import returnee_family

    from fieldapp.services.common.identity import me
    from fieldapp.services.people import registry

    demo.act_as("supervisor")
    family = returnee_family(me().grids[0][0])
    registry.save_household(family)
    app = make_app(lang="en")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_screen(app, pilot, "f11", PeopleScreen)
            await pilot.press("down")  # F11 opens on the search; Down goes to the list
            text = screen_text(app)
            assert "Returnee" in text and not ID_NUMBER.search(text)
            table = app.screen.query_one("#people-table", DataTable)
            table.focus()
            names = [table.get_row_at(row)[0] for row in range(table.row_count)]
            table.move_cursor(row=names.index("陈建国"))
            await pilot.press("v")  # first: why?
            await settle(app, pilot)
            assert isinstance(app.screen, RevealPurposeDialog)
            assert "Checking identity on a visit" in rendered(app)
            await pilot.press("escape")  # changed their mind: nothing shown, nothing recorded
            await settle(app, pilot)
            assert isinstance(app.screen, PeopleScreen) and FATHER not in rendered(app)
            assert Outbox.select().where(Outbox.type == "personal_data.reveal").count() == 0
            await pilot.press("v")
            await settle(app, pilot)
            await pilot.press(*["down"] * 4, "enter", "enter")  # Other (4th), no note
            await settle(app, pilot)
            assert "For Other, write in the note why" in rendered(app)
            await pilot.press(*"DM-017 move-in", "enter")
            await settle(app, pilot)
            # Shown in its own cell (no notification that would follow to other screens).
            assert isinstance(app.screen, PeopleScreen) and FATHER in rendered(app)
            assert not [n for n in app._notifications if FATHER in n.message]
            assert "purpose: DM-017 move-in" in rendered(app)  # the note says why, for Other
            reveals = list(Outbox.select().where(Outbox.type == "personal_data.reveal"))
            assert len(reveals) == 1 and '"field":"id_number"' in reveals[0].payload
            payload = json.loads(reveals[0].payload)
            assert (payload["purpose"], payload["purpose_note"]) == ("other", "DM-017 move-in")
            await pilot.press("f3")  # another screen: the number stays behind, masked again
            await settle(app, pilot)
            assert not isinstance(app.screen, PeopleScreen)
            assert FATHER not in rendered(app)
            await pilot.press("f11")
            await settle(app, pilot)
            await pilot.press("down")  # F11 opens on the search; Down goes to the list
            assert isinstance(app.screen, PeopleScreen) and FATHER not in rendered(app)
            assert "4501**********" + FATHER[-4:] in rendered(app)
            # Asked again, for a visit: shown, and masked again once its time is up.
            await pilot.press("v", "down", "enter", "enter")  # ↓: the first purpose
            await settle(app, pilot)
            assert FATHER in rendered(app)
            app.screen.set_timer(0.01, app.screen.mask_again)  # the 20 s, shortened
            await pilot.pause(0.1)
            await settle(app, pilot)
            assert FATHER not in rendered(app) and "4501**********" + FATHER[-4:] in rendered(app)
    finally:
        from fieldapp.i18n import set_language

        set_language("zh")


async def test_problems_reopen_the_form_with_what_was_typed(unlocked: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("n")
        await settle(app, pilot)
        await _fill(app, pilot, {"name": "林秀英", "id_number": MOTHER[:-1] + "Y"})
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        assert dialog.query_one("#person-name", Input).value == "林秀英"
        text = screen_text(app)
        assert "身份证号无效" in text and "请选择网格" in text


async def test_the_forms_problems_read_in_chinese_punctuation(unlocked: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _new_family_in_my_first_grid(app, pilot)
        await _fill(app, pilot, {"code": "DM-018", "name": "林秀英", "birth_year": "85",
                                 "id_number": MOTHER[:-1] + "Y", "phone": "12",
                                 "arrived_on": "2026-06-31"})  # fmt: skip
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        problems = str(dialog.query_one("#person-problems", Static).render()).splitlines()
    assert problems == [
        "出生年份无效，请填写四位年份（如 1985）。",
        "身份证号无效：应为18位（17位数字加末位数字或X），请核对。",
        "电话号码无效：应为以1开头的11位手机号，或带区号的固定电话（如 0591-1234567 或 05911234567）。",
        "2026 年 6 月没有 31 日，请检查日期。",
    ]


async def test_baobao_lists_and_the_follow_ups_due_on_home(
    unlocked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from people_support import returnee_family
    from textual.widgets import Label
    from textual.widgets._header import HeaderTitle

    from fieldapp.services.common.identity import me
    from fieldapp.services.followups import plans
    from fieldapp.services.people import registry
    from fieldapp.services.people.registry import HouseholdForm, MemberForm
    from fieldapp.store.people_models import Responsibility
    from fieldapp.tui.dialogs.followup import AskDialog
    from fieldapp.tui.screens.home import HomeScreen

    who = me()
    grid = who.grids[0][0]
    family = registry.save_household(returnee_family(grid))
    registry.save_household(
        HouseholdForm(grid_code=grid, code="DM-020", members=[MemberForm("王租客")])
    )
    Responsibility.insert(household=family, person_id=who.person_id).execute()  # as pulled
    Person.update(name="阿卜杜热合曼·买买提").where(Person.id == who.person_id).execute()
    who = me()  # a long name, as some cadres have: the English title bar runs past 80
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    plans.create_plan(str(member_named("陈建国").id))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        line = app.screen.query_one("#home-followups", Label)
        assert (
            line.display and "待随访 2 次" in str(line.render()) and "陈建国" in str(line.render())
        )
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        table = app.screen.query_one("#people-table", DataTable)
        assert table.row_count == 4
        await pilot.press("b")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        dialog.query_one("#ask-choice", Select).value = who.person_id
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        people = app.screen
        assert isinstance(people, PeopleScreen)
        assert people.sub_title == f"{who.name} 包保 · 共 3 人 · 1 户"  # counted as listed
        names = {table.get_row_at(row)[0] for row in range(table.row_count)}
        assert names == {"陈建国", "林秀英", "陈小明"}, "only the cadre's household"
        box = str(people.query_one("#people-household", Static).render())
        assert "包保 " + who.name in box  # the household box names its cadre
        await pilot.press("b")
        await settle(app, pilot)
        await pilot.press("escape")  # Esc: the list stays as it was
        await settle(app, pilot, rounds=2)
        assert table.row_count == 3
        await pilot.press("b")
        await settle(app, pilot)
        app.screen.query_one("#ask-choice", Select).value = ""
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert table.row_count == 4 and people.sub_title == "人员台账 · 共 4 人 · 2 户"
        # In English at 80 columns the cadre's list named in the title bar was cut mid-word
        # ("… · 1 hou…"): it goes on, between words, on the bar's next line.
        await pilot.press("b")
        await settle(app, pilot)
        app.screen.query_one("#ask-choice", Select).value = who.person_id
        await pilot.press("f10", "f9")
        await settle(app, pilot, rounds=2)
        bar = people.query_one(HeaderTitle)
        shown = [bar.render_line(y).text.strip() for y in range(bar.size.height)]
        said = people.sub_title
        assert said.startswith(f"Cadre {who.name} · ") and " ".join(shown).endswith(said), shown
        assert "…" not in "".join(shown) and len(shown) == 2, shown


async def test_ctrl_s_saves_the_person_form_and_f2_opens_no_scan_above_it(unlocked: Path) -> None:
    """ctrl+s is the form's save, not the app's scan; F2 pressed while typing a family
    opens no scan dialog (nor a venue) above what is half typed."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _new_family_in_my_first_grid(app, pilot)
        await _fill(app, pilot, {"code": "DM-018", "id_number": FATHER})
        dialog.query_one("#person-name", Input).focus()
        await pilot.press(*"陈建国")
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.screen is dialog
        assert dialog.query_one("#person-name", Input).value == "陈建国"
        await pilot.press("ctrl+s")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PeopleScreen)
        assert member_named("陈建国").household.code == "DM-018"


async def test_a_supervisor_at_80_columns_sees_the_case_keys_and_hands_over(
    unlocked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 in English the case keys (hand over, outcome, close) are in the footer of
    the cases list, where a supervisor with nothing due starts; the hand-over works (a 文号
    that says nothing is said under its field, which keeps it). After
    F9 the cases list keeps the focus; a close asks how the case ended; a key the case's
    state refuses is refused before its dialog opens."""
    from people_support import returnee_family
    from pilot_support import footer_keys_seen

    from fieldapp.services.common.identity import me
    from fieldapp.services.followups import cases, plans
    from fieldapp.services.people import registry
    from fieldapp.tui.dialogs.followup import AskDialog
    from fieldapp.tui.screens.followups import FollowupsScreen

    registry.save_household(returnee_family(me().grids[0][0]))
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    plan_id = plans.create_plan(str(member_named("陈建国").id))
    slot = plans.due_readings()[0].slot_at
    record_when_open(plan_id, slot, {"FUP-01": "38.1", "FUP-02": "no"})
    demo.act_as("supervisor")
    app = make_app(lang="en")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_screen(app, pilot, "ctrl+t", FollowupsScreen)
            assert screen.query_one("#followups-cases", DataTable).has_focus
            seen = footer_keys_seen(screen)
            assert {"hand_over", "record_outcome", "close_case"} <= set(seen), seen
            await pilot.press("tab")  # the due list offers its own key instead
            await settle(app, pilot)
            seen = footer_keys_seen(screen)
            assert "record" in seen and "hand_over" not in seen, seen
            await pilot.press("tab", "h")
            await settle(app, pilot)
            handing = app.screen
            assert isinstance(handing, AskDialog)
            handing.query_one("#ask-text", Input).value = "。。"  # no 文号: said, kept
            await pilot.press("enter")
            await settle(app, pilot)
            problem = str(handing.query_one("#ask-problem", Static).render())
            assert app.screen is handing and problem.startswith(
                "Enter the hand-over reference number"
            ), problem
            assert handing.query_one("#ask-text", Input).value == "。。"
            assert cases.cases()[0].state == "open"
            handing.query_one("#ask-text", Input).value = ""
            await pilot.press(*"WSY-01", "enter")
            await settle(app, pilot, rounds=3)
            assert cases.cases()[0].state == "handed_over"
            # F9 keeps the cases list and its keys (the focus went back to the due list and
            # `c` did nothing). A key the case's state refuses says so, about the case,
            # before a dialog is filled in; a close asks how the case ended, in words.
            plans.create_plan(str(member_named("林秀英").id))  # the supervisor's: due now
            await pilot.press("r", "f9")
            await settle(app, pilot, rounds=3)
            assert screen.query_one("#followups-due", DataTable).row_count == 2
            assert screen.query_one("#followups-cases", DataTable).has_focus
            assert "close_case" in footer_keys_seen(screen)
            await _refused_before_a_dialog(
                app, pilot, "c", "这件异常事项当前为“已移交卫生院”，现在不能办结。"
            )
            await pilot.press("o", "f10")  # the first outcome
            await settle(app, pilot, rounds=3)
            await pilot.press("c")
            await settle(app, pilot)
            closing = app.screen
            assert isinstance(closing, AskDialog) and "陈建国" in closing.title_text
            closing.query_one("#ask-text", Input).value = "。。"
            await pilot.press("f10")
            await settle(app, pilot)
            problem = str(closing.query_one("#ask-problem", Static).render())
            assert app.screen is closing and problem.startswith("办结异常事项须写明办结情况")
            assert cases.cases()[0].state == "outcome_recorded"
            closing.query_one("#ask-text", Input).value = "已解除隔离"
            await pilot.press("f10")
            await settle(app, pilot, rounds=3)
            assert cases.cases()[0].state == "closed"
            await _refused_before_a_dialog(
                app, pilot, "h", "这件异常事项当前为“已办结”，现在不能移交卫生院。"
            )
    finally:
        from fieldapp.i18n import set_language

        set_language("zh")


async def test_an_id_number_typed_into_the_name_is_refused_not_shown_unmasked(
    unlocked: Path,
) -> None:
    """A missed Tab puts the birth year and ID number into the name: the save refuses it
    (the name is shown and exported unmasked) and keeps what was typed."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _new_family_in_my_first_grid(app, pilot)
        await _fill(app, pilot, {"code": "DM-019"})
        dialog.query_one("#person-name", Input).focus()
        await pilot.press(*f"陈小明2012{FATHER}")
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        assert dialog.query_one("#person-name", Input).value == f"陈小明2012{FATHER}"
        assert "姓名里有一长串数字" in screen_text(app)
        assert HouseholdMember.select().count() == 0


async def test_tab_goes_round_the_person_form_without_a_dead_stop(unlocked: Path) -> None:
    """Keyboard only: Tab after the tags goes to Save and Cancel and back to the grid,
    not to the scrolling box where Space ticks nothing."""
    from textual.widgets import SelectionList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        dialog.query_one("#person-tags", SelectionList).focus()
        await pilot.press("tab")
        assert app.focused is dialog.query_one("#person-save")
        await pilot.press("tab", "tab")
        assert app.focused is dialog.query_one("#person-grid", Select)
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "down", "down", "space")
        assert dialog.query_one("#person-tags", SelectionList).selected == ["returnee"]


async def test_esc_in_the_search_clears_it_first_and_leaves_only_then(unlocked: Path) -> None:
    """Searching, Esc gives the whole list back (zh, 80x24); only a second Esc leaves."""
    from people_support import returnee_family

    from fieldapp.services.common.identity import me
    from fieldapp.services.people import registry
    from fieldapp.tui.screens.home import HomeScreen

    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("slash", *"张三")
        await settle(app, pilot)
        assert "陈建国" not in rendered(app) and "没有与“张三”匹配的人员" in rendered(app)
        assert "esc 清空搜索" in rendered(app)  # the footer says what Esc does now
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen, "the first Esc left the people screen"
        assert screen.query_one("#people-search", Input).value == ""
        assert "陈建国" in rendered(app) and "林秀英" in rendered(app)
        assert "esc 清空搜索" not in rendered(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
