"""Without an unfinished inspection, home's lower row (the drafts' line above the
hazards, class -no-drafts) gets its class as it is composed, from the data read while the
app started: set once the row was mounted, it styled the row, both panes and both tables
a second time before the first frame, at every start."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_start_support import restyles_of, started_at_home

from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets.drafts_table import DraftsTable
from fieldapp.tui.widgets.home_lower import HomeLower
from fieldapp.tui.widgets.paged_table import PagedTable


async def test_the_lower_row_is_styled_once_at_start(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled = restyles_of(HomeLower, monkeypatch)
    async with started_at_home() as (app, _pilot):
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert not home.query_one(DraftsTable).row_count  # its line: 没有未完成的检查
        assert home.query_one(HomeLower).has_class("-no-drafts")
        assert restyled == []


async def test_the_due_list_is_styled_focused_once_at_start(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The due list takes the focus as home is shown: styled as focused when it mounts, it
    is not styled again for the focus (it and its scrollbars were, before the first
    frame), and it is the list the keys go to, drawn with its focused cursor."""
    restyled = restyles_of(PagedTable, monkeypatch)
    async with started_at_home() as (app, _pilot):
        due = app.screen.query_one("#due", PagedTable)
        assert app.focused is due and due.has_focus and "focus" in due.pseudo_classes
        assert "due" not in restyled
        cursor = due.get_component_styles("datatable--cursor").background
        due.update_node_styles()  # as Textual styled it for the focus
        assert due.get_component_styles("datatable--cursor").background == cursor
