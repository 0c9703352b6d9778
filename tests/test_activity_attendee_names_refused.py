"""参加人员 (ctrl+y, an activity) took "-5" and "😀" as attendees, while the incident
form's 涉及人员 refuses 😀 with the person form's rule. Each attendee that is no name is
now refused, named as typed, with that rule, the cursor in the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_activities_screen import monday  # noqa: F401  (the fixture)
from textual.widgets import DataTable, Input, Static

from fieldapp.i18n import t
from fieldapp.store.activity_models import Activity
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.activity import ActivityDialog
from fieldapp.tui.screens.activities import ActivitiesScreen

SAID = {"zh": "参加人员“{entry}”：请写人员的姓名", "en": "Attendees ('{entry}'): "}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_each_attendee_that_is_no_name_is_refused_by_name(
    monday: None,  # noqa: F811
    demo_home: Path,
    lang: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        due = screen.query_one("#activities-due", DataTable)
        codes = [line.ask.type_code for line in screen.data.due]
        due.move_cursor(row=codes.index("fire_publicity_day"))
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        await pilot.press(*"Square", "tab", *"12", "tab")
        names = dialog.query_one("#activity-attendee_names", Input)
        assert names.has_focus
        names.insert_text_at_cursor("张三、-5、李四、😀")  # as an input method enters them
        await pilot.press("f10")
        await settle(app, pilot)
        said = str(dialog.query_one("#activity-error", Static).render())
        between = {"zh": "”、“", "en": "', '"}[lang]
        assert said.startswith(SAID[lang].format(entry=f"-5{between}😀")), said
        rule = t("free_text.person_name")  # said once for both: it took four lines each
        assert said.count(rule) == 1, said
        assert "张三" not in said and "李四" not in said, said
        assert dialog.focused is dialog.query_one("#activity-attendee_names", Input)
        assert Activity.select().count() == 0
