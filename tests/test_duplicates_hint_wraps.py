"""The duplicates dialog (F11, m) at 80 columns cut its hint: "Enter merges … (asks fi".
The hint now wraps, so it is read whole in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.i18n import t
from fieldapp.services.people.duplicates import duplicates
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.duplicates import DuplicatesDialog

pytestmark = pytest.mark.usefixtures("chinese")  # the language set back after


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_duplicates_hint_is_read_whole_at_80_columns(demo_home: Path, lang: str):
    from people_support import FATHER, household_of_one, key_behind_pin, returnee_family

    from fieldapp.services.common.identity import me
    from fieldapp.services.people import registry

    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    household_of_one("陈建国", code="DM-040", id_number=FATHER)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.push_screen(DuplicatesDialog(duplicates()))
        await settle(app, pilot)
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        shown = "".join(line.strip(" │┃║") for line in lines)
        assert "".join(t("duplicates.hint").split()) in "".join(shown.split())
