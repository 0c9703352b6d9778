"""The person form (F11, e) of a resident with no arrival or leaving date shows the form a
date is typed in (年-月-日, as every date field does), never an example date that reads
like a value held."""

from __future__ import annotations

from pathlib import Path

from people_support import key_behind_pin
from pilot_support import SIZE, open_screen, settle
from textual.widgets import DataTable, Input

from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen


async def test_an_empty_date_field_shows_the_date_format_not_a_date(demo_home: Path) -> None:
    key_behind_pin()
    registry.save_household(
        registry.HouseholdForm(
            grid_code=me().grids[0][0],
            code="DM-021",
            address="鼎美村二组21号",
            members=[registry.MemberForm("黄丽华", sex="female")],
        )
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        table = screen.query_one("#people-table", DataTable)
        table.focus()
        names = [table.get_row_at(row)[0] for row in range(table.row_count)]
        table.move_cursor(row=names.index("黄丽华"))
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        for name in ("arrived_on", "left_on"):
            field = dialog.query_one(f"#person-{name}", Input)
            assert field.value == "" and field.placeholder == "年-月-日", field.placeholder
