"""The person form (F11, e) of a resident with no arrival or leaving date shows the form a
date is typed in (年-月-日, as every date field does), never an example date that reads
like a value held."""

from __future__ import annotations

from pathlib import Path

from people_support import edit_person, household_of_one, key_behind_pin
from pilot_support import SIZE
from textual.widgets import Input

from fieldapp.tui.app import make_app


async def test_an_empty_date_field_shows_the_date_format_not_a_date(demo_home: Path) -> None:
    key_behind_pin()
    household_of_one("黄丽华", sex="female")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await edit_person(app, pilot, "黄丽华")
        for name in ("arrived_on", "left_on"):
            field = dialog.query_one(f"#person-{name}", Input)
            assert field.value == "" and field.placeholder == "年-月-日", field.placeholder
