"""People (F11): a person named 张😀三[/] was saved and exported, two Chinese characters
being all the name rule asked. A name is letters, with · - ' . or spaces between its parts:
the form refuses the rest in words, keeps what was typed and saves nothing, as the sync
server does (tests/sync/test_free_text_server)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from people_support import key_behind_pin
from pilot_support import SIZE, screen_text, settle
from test_people_screen import _new_family_in_my_first_grid
from textual.widgets import Input

from fieldapp.store.people_models import HouseholdMember
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog

SAID = {"zh": "单个字、表情符号和其他符号都不行", "en": "a name cannot hold emoji or other symbols"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_name_with_an_emoji_and_a_tag_is_refused_and_kept(
    demo_home: Path, lang: str
) -> None:
    key_behind_pin()
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _new_family_in_my_first_grid(app, pilot)
        dialog.query_one("#person-code", Input).value = "DM-019"
        dialog.query_one("#person-name", Input).value = "张😀三[/]"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        assert dialog.query_one("#person-name", Input).value == "张😀三[/]"
        # its lines read on, box edges and the padding at line ends left out
        shown = re.sub(r"\s*│\s*\n\s*│\s*", " ", screen_text(app))
        assert SAID[lang] in shown, shown
        assert HouseholdMember.select().count() == 0
