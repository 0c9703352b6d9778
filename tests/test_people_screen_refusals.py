"""What the people screen (F11) refuses, or warns about, driven by Pilot: a second
follow-up plan on a person, a household nobody could find, a merge nobody confirmed."""

from __future__ import annotations

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


async def test_a_second_follow_up_plan_on_a_person_is_refused(unlocked: Path) -> None:
    """f, F10 twice on one person: one plan (every slot once), and a warning that says
    until when it runs and where its follow-ups are recorded."""
    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        _move_to(screen, "陈建国")
        for _ in range(2):
            await pilot.press("f")
            await settle(app, pilot)
            assert isinstance(app.screen, AskDialog)
            await pilot.press("f10")
            await settle(app, pilot, rounds=2)
            assert app.screen is screen
        assert FollowupPlan.select().count() == 1
        assert FollowupPlan.get().member_id == member_named("陈建国").id
        notes = [n.message for n in app._notifications]
        assert any("陈建国 已有随访计划" in n and "ctrl+t" in n for n in notes), notes
