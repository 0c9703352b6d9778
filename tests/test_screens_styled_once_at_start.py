"""At start, the screen under home (Textual's default screen, never shown) and home itself
are styled once, widget by widget as they are mounted: Textual styled each whole screen
again when it was first shown, though nothing had changed (the screen under home: 1-2.5
ms of CPU at every start). Resumed again later, a screen is styled as Textual does."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, open_screen, settle
from textual import events
from textual.screen import Screen
from textual.widgets import DataTable
from tui_start_support import restyles_of

from fieldapp.tui.app import make_app
from fieldapp.tui.screens import BaseScreen
from fieldapp.tui.screens.home import HomeScreen


def screens_restyled(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The names of the screens restyled as a whole from now on."""
    return restyles_of(Screen, monkeypatch, named=lambda screen: type(screen).__name__)


async def test_no_screen_is_styled_again_as_the_app_starts(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled = screens_restyled(monkeypatch)
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        assert restyled == []
        assert isinstance(app.screen_stack[0], BaseScreen)
        assert isinstance(app.screen, HomeScreen)
        app.screen.post_message(events.ScreenResume())  # as after a change of theme
        await settle(app, pilot)
        assert restyled == ["HomeScreen"]


async def test_a_screen_opened_is_styled_once(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rounds (f7), opened from home, is styled as its widgets mount and not again as it is
    first shown; back from a screen above, it is styled as Textual does."""
    from fieldapp.tui.screens.rounds import RoundsScreen

    restyled = screens_restyled(monkeypatch)
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        rounds = await open_screen(app, pilot, "f7", RoundsScreen)
        assert rounds.query_one("#rounds-due", DataTable).row_count  # shown, with its list
        assert restyled == []
        app.screen.post_message(events.ScreenResume())  # as back from a screen above
        await settle(app, pilot)
        assert restyled == ["RoundsScreen"]
