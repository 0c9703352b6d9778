"""Home's status bar, with records waiting to be synced, is composed in its warning colour
(class -unsynced) from the data read while the app started: given the count once mounted,
it was styled a second time before the first frame, at every start."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home
from test_home_lower_styled_once import restyles_of
from textual.color import Color

from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.views.home import start_building_home_view
from fieldapp.tui.widgets import StatusBar


async def test_the_status_bar_is_styled_once_in_its_warning_colour(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    waiting = Outbox.select().where(Outbox.state == "pending").count()
    assert waiting  # the demo's records wait to be synced
    restyled = restyles_of(StatusBar, monkeypatch)
    start_building_home_view()  # as the app's start does, while Textual is imported
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        bar = home.query_one(StatusBar)
        assert bar.unsynced == waiting and bar.has_class("-unsynced")
        assert bar.styles.color == Color.parse(app.theme_variables["warning"])  # its look
        assert restyled == []
