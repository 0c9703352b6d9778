"""Enter on a row of the activities held (ctrl+y) did nothing, and no key showed what was
recorded. Enter now opens the record, read only: place, how many attended and who, the
minutes, the photos by name (o opens one), who recorded it; Esc closes it, and both keys
are in the footer at 80×24."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pilot_support import footer_keys_seen, open_screen, settle
from test_activities_screen import monday  # noqa: F401  (the fixture)
from textual.widgets import DataTable

from fieldapp.i18n import set_language, t
from fieldapp.services.activities.records import ActivityForm, record_activity
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.activities import ActivitiesScreen
from fieldapp.tui.screens.activity_record import ActivityRecordDialog


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_enter_on_an_activity_held_shows_what_was_recorded(
    monday: None,  # noqa: F811
    demo_home: Path,
    tmp_path: Path,
    lang: str,
) -> None:
    picture = tmp_path / "宣传.png"
    Image.new("RGB", (40, 30), "green").save(picture)
    form = ActivityForm("fire_publicity_day", "T01-DM", place="村委会广场", attendees="42",
                        attendee_names="陈晓明、李村长", minutes="讲解灭火器使用",
                        photo_files=[str(picture)])  # fmt: skip
    record_activity(form)
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+y", ActivitiesScreen)
        await pilot.press("tab")  # to the activities held
        await settle(app, pilot)
        assert screen.query_one("#activities-held", DataTable).has_focus
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, ActivityRecordDialog)
        shown = "\n".join(s.text for s in dialog._compositor.render_strips())
        photo = t("activity.detail.photos", count=1, names="宣传.png")  # named as attached
        for said in ("村委会广场", "42", "陈晓明、李村长", "讲解灭火器使用", photo):
            assert said in shown, shown
        assert footer_keys_seen(dialog)[:2] == ["open_photo", "close"], shown
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        await pilot.press("tab")  # the due list's Enter still opens its form
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ActivityDialog"
