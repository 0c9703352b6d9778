"""Home's status bar, with records waiting to be synced, is composed in its warning colour
(class -unsynced) from the data read while the app started: given the count once mounted,
it was styled a second time before the first frame, at every start."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from tui_start_support import restyles_of, started_at_home

from fieldapp.store.models import Outbox
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets import StatusBar


async def test_the_status_bar_is_styled_once_in_its_warning_colour(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    waiting = Outbox.select().where(Outbox.state == "pending").count()
    assert waiting  # the demo's records wait to be synced
    restyled = restyles_of(StatusBar, monkeypatch)
    async with started_at_home() as (app, _pilot):
        home = app.screen
        assert isinstance(home, HomeScreen)
        bar = home.query_one(StatusBar)
        assert bar.unsynced == waiting and bar.has_class("-unsynced")
        assert bar.styles.color == Color.parse(app.theme_variables["warning"])  # its look
        assert restyled == []
