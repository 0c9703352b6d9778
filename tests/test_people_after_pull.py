"""A device that pulled another device's edit of a person showed the old name in F11, and
the old address under it, until F11 was opened again. A sync that pulled households now
reads the list again at once (or when a dialog over it closes), the cursor staying on the
same person.

The pull is what the sync client leaves: the household's new values in the store, and an
outcome whose result says households came (`SyncResult.pulled_types`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin
from pilot_support import open_screen, settle
from textual.widgets import DataTable, Static

from fieldapp.i18n import set_language
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.services.syncing import runs as syncing
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.messages import SyncFinished
from fieldapp.tui.screens.people import PeopleScreen
from sync.client.base import SyncResult


def _family(address: str, second: str, ids: tuple[str, str, str] = ("", "", "")) -> HouseholdForm:
    household, first_id, second_id = ids
    return HouseholdForm(
        grid_code=me().grids[0][0], id=household, code="DM-070", address=address,
        members=[MemberForm("周一", id=first_id, sex="male"),
                 MemberForm(second, id=second_id, sex="female")],
    )  # fmt: skip


def _pulled_edit(household_id: str) -> syncing.SyncOutcome:
    """Another device renamed 周二 and moved the household: its record pulled here."""
    ids = (household_id, *(m.id for m in registry.household(household_id).members))
    registry.save_household(_family("鼎美村五组9号", "周二妹", ids))  # type: ignore[arg-type]
    result = SyncResult(pulled=1, pulled_types={"household"})
    return syncing.SyncOutcome(syncing.DONE, syncing.sync_status(), result)


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
@pytest.mark.parametrize("dialog_over", [False, True])
async def test_a_pull_of_people_shows_in_f11_with_the_cursor_kept(
    demo_home: Path, lang: str, dialog_over: bool
) -> None:
    key_behind_pin()
    household_id = registry.save_household(_family("鼎美村五组1号", "周二"))
    second = registry.household(household_id).members[1].id
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_screen(app, pilot, "f11", PeopleScreen)
            await pilot.press("down")  # F11 opens on the search; Down goes to the list
            table = screen.query_one("#people-table", DataTable)
            table.move_cursor(row=table.get_row_index(second))
            await settle(app, pilot)
            if dialog_over:  # a cadre's list being chosen while the sync ends
                await pilot.press("b")
                await settle(app, pilot)
                assert isinstance(app.screen, AskDialog)
            app.post_message(SyncFinished(_pulled_edit(household_id), manual=False))
            await settle(app, pilot, rounds=3)
            if dialog_over:
                await pilot.press("escape")
                await settle(app, pilot, rounds=3)
            assert app.screen is screen
            row = [str(cell) for cell in table.get_row_at(table.cursor_row)]
            assert row[0] == "周二妹", row
            box = " ".join(str(screen.query_one("#people-household", Static).render()).split())
            assert "五组9号" in box and "五组1号" not in box, box
    finally:
        set_language("zh")
