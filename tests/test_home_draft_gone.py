"""A draft disappearing from Home while Home is open (its inspection submitted from
another screen, or synced away): the same path as one appearing
(`test_home_no_drafts_line`), the other way. The panes side by side give way to the
drafts' one line above the hazards, which take the whole width again, and the focus the
drafts' table held moves to the due list (an empty table takes no focus)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import answer_every_item
from pilot_support import at_home, settle
from test_home_hazards_beside_a_draft import start_a_draft
from test_home_no_drafts_line import assert_no_drafts_line, assert_split

from fieldapp.services.inspection import inspections
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets.drafts_table import DraftsTable


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_draft_gone_while_home_is_open(demo_supervisor: Path, lang: str) -> None:
    start_a_draft()
    (draft,) = Inspection.select().where(Inspection.status == "draft")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        assert_split(app)
        drafts = app.screen.query_one("#drafts", DraftsTable)
        drafts.focus()
        await settle(app, pilot)
        assert drafts.has_focus and drafts.row_count == 1
        # Submitted elsewhere: gone from the drafts when Home shows its rows again.
        answer_every_item(str(draft.id))
        inspections.submit(str(draft.id), "张三")
        app.screen.reload()
        await settle(app, pilot, rounds=3)
        assert not drafts.row_count
        assert_no_drafts_line(app, lang)
        assert app.focused is app.screen.query_one("#due"), app.focused
