"""People (F11): the form's problem lines stayed on screen after their fields were mended,
until the next F10, so a mended name still read as wrong. A field's line goes once the
field is edited, as on the other forms; the lines of fields not yet mended stay."""

from __future__ import annotations

from pathlib import Path

from people_support import key_behind_pin
from pilot_support import SIZE, settle
from test_people_screen import _new_family_in_my_first_grid
from textual.widgets import Input, Static

from fieldapp.tui.dialogs.person import PersonDialog

NAME_SAID = "请写人员的姓名"
PHONE_SAID = "12345"


async def test_a_mended_fields_problem_goes_and_the_others_stay(demo_home: Path) -> None:
    from fieldapp.tui.app import make_app

    key_behind_pin()
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _new_family_in_my_first_grid(app, pilot)
        dialog.query_one("#person-code", Input).value = "DM-019"
        dialog.query_one("#person-name", Input).value = "王"
        dialog.query_one("#person-phone", Input).value = "12345"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        problems = dialog.query_one("#person-problems", Static)
        said = str(problems.render())
        assert NAME_SAID in said and PHONE_SAID in said, said

        assert dialog.focused is dialog.query_one("#person-name", Input)
        await pilot.press("end", "五")  # 王五: mended
        await settle(app, pilot)
        said = str(problems.render())
        assert NAME_SAID not in said and PHONE_SAID in said, said
        assert problems.display

        phone = dialog.query_one("#person-phone", Input)
        phone.focus()
        await pilot.press("end", "backspace")  # edited: its line goes too
        await settle(app, pilot)
        assert not problems.display
