"""The footer's keys and the palette key docked on its right at 80 columns: the room the
footer chose keys for was one column wider than the keys had (the docked key's right
margin was not counted), so keys that filled it ran F1's label into the palette's border
("f1 更多▏^p 命令") on the record, review and people screens, where Home showed a space."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from review_screen_support import open_review, people_fixture  # noqa: F401 (a fixture)
from test_inspection_record import submitted_with_photos

from fieldapp.store.models import Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
from fieldapp.tui.widgets.key_footer import KeyFooter


def check_room(app: FieldApp) -> None:
    footer = app.screen.query_one(KeyFooter)
    *keys, palette = footer.spots
    assert palette.palette
    # the keys' room ends where the palette key's border begins
    room = footer._room(app.screen.active_bindings)
    assert room == palette.start, room
    strip = app.screen._compositor.render_strips()[footer.region.y]
    assert max(k.end for k in keys) < palette.start, strip.text
    border = footer.region.x + palette.start
    before = strip.crop(border - 1, border + 1).text
    assert before == " ▏", strip.text  # a space before the border


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_keys_leave_a_space_before_the_palette_key(
    people: dict[str, str],
    demo_home: Path,
    lang: str,
) -> None:
    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, _, _ = submitted_with_photos(demo_home, venue)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        check_room(app)  # Home
        app.push_screen(InspectionRecordScreen(inspection_id))
        await settle(app, pilot, rounds=3)
        check_room(app)
        await pilot.press("escape")
        await settle(app, pilot)
        await open_review(app, pilot)
        for queue in "1234":
            await pilot.press(queue)
            await settle(app, pilot, rounds=2)
            check_room(app)
