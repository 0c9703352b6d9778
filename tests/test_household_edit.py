"""A household's 户号, 楼栋/屯 and address could never be corrected after `n` on the
people screen (F11), whose `e` edits only the person: `h` edits them, with the checks of
`n` (no emoji, as the name field; a number or an address, at least one), and sends the
edit as one household.upsert op."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from people_support import key_behind_pin, returnee_family
from pilot_support import open_screen, screen_lines, settle
from textual.widgets import DataTable, Input

from fieldapp.services.common.identity import me
from fieldapp.services.demo import workspace as demo
from fieldapp.services.people import registry
from fieldapp.store.models import Outbox
from fieldapp.store.people_models import Household
from fieldapp.store.personal_data import opened_payloads
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.household import HouseholdDialog
from fieldapp.tui.screens.people import PeopleScreen


def _key_on(screen, name: str) -> None:  # type: ignore[no-untyped-def]
    table = screen.query_one("#people-table", DataTable)
    table.focus()
    names = [table.get_row_at(row)[0] for row in range(table.row_count)]
    table.move_cursor(row=names.index(name))


async def _save(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """F10 in the household dialog, and its check's and write's workers done."""
    await pilot.press("f10")
    await settle(app, pilot, rounds=2)
    await app.workers.wait_for_complete()
    await settle(app, pilot)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_h_edits_the_household_and_sends_the_edit(demo_home: Path, lang: str) -> None:
    key_behind_pin()
    demo.act_as("supervisor")
    household_id = registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        footer = "\n".join(screen_lines(app))
        # In the footer at 80 columns in Chinese; the longer English words are under f1
        assert "h 修改住户" in footer if lang == "zh" else "f1 More" in footer, footer
        _key_on(screen, "陈建国")
        await pilot.press("h")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, HouseholdDialog)
        dialog.query_one("#household-building", Input).value = "楼😀"
        await _save(app, pilot)
        dialog = app.screen  # refused: open again, what was typed kept, the problem said
        assert isinstance(dialog, HouseholdDialog)
        shown = "\n".join(screen_lines(app))
        # said whole at 80 columns (English wraps to a second line)
        assert ("不能有表情符号或控制字符。" if lang == "zh" else "or control characters.") in shown
        building = dialog.query_one("#household-building", Input)
        assert building.value == "楼😀" and dialog.focused is building
        await pilot.press("backspace")  # the emoji goes, not the whole field selected
        assert building.value == "楼"
        # Neither a number nor an address: refused as `n` refuses it, nobody would find it
        dialog.query_one("#household-code", Input).value = ""
        dialog.query_one("#household-address", Input).value = ""
        await _save(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, HouseholdDialog)
        shown = "\n".join(screen_lines(app))
        assert ("请填写地址或户号（至少一项）" if lang == "zh" else "(at least one)") in shown
        assert Household.get_by_id(household_id).code == "DM-017"  # nothing written
        dialog.query_one("#household-building", Input).value = "四组"
        dialog.query_one("#household-code", Input).value = "DM-018"
        dialog.query_one("#household-address", Input).value = "鼎美村三组17号"
        await _save(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
    held = Household.get_by_id(household_id)
    assert (held.code, held.building, held.address) == ("DM-018", "四组", "鼎美村三组17号")
    assert len(registry.household(household_id).members) == 3  # the people are kept
    ops, _held_back = opened_payloads(list(Outbox.select().order_by(Outbox.seq)))
    sent = [json.loads(r.payload) for r in ops if r.type == "household.upsert"]
    assert (sent[-1]["code"], sent[-1]["building"], sent[-1]["members"]) == ("DM-018", "四组", [])
    assert sent[-1]["base"]["code"] == "DM-017"  # what the edit started from, for the merge
