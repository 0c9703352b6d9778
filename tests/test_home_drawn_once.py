"""Home's first frame with its data is not drawn again until something on it changes: the
screen asked to be repainted as it was shown, and each widget as it got its first size,
and the first frame, drawn whole, did not take those requests in, so Textual drew the
whole screen (or the header's clock space) a second time at the next tick of its update
timer, and what waited for home to be drawn waited for that draw too. What changes after
the first frame is still drawn: the status bar's line when the connection check (started
once home is shown) reports, a notice shown over home."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import textual.screen
from pilot_support import at_home, settle
from test_home_first_frame_settled import on_first_home_frame
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App
from textual.widgets._toast import Toast

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.views.home import start_building_home_view
from fieldapp.tui.widgets.status_bar import StatusBar


def lines_drawn_after(app: App[object], first: list[object]) -> list[int]:
    """The screen lines Textual writes to the terminal after the first frame of home with
    its data it writes, each time it writes them (all of them for a whole-screen update).
    A frame drawn while Textual holds updates back, as the app starts, is dropped, not
    written: `first` may hold home's first frame before one is written."""
    written: list[int] = []
    shown: list[object] = []  # home's first frame written
    drawn = app._display  # noqa: SLF001 - the frames as Textual draws them

    def counted(screen: object, update: object) -> None:
        if app._batch_count:  # noqa: SLF001
            pass
        elif not shown:
            if isinstance(screen, HomeScreen) and screen.home_view is not None:
                shown.append(screen)
        elif isinstance(update, LayoutUpdate):
            written.extend(range(update.region.height))
        elif isinstance(update, ChopsUpdate):
            written.extend(sorted({y for y, _, _ in update.spans}))
        drawn(screen, update)  # type: ignore[arg-type]

    app._display = counted  # type: ignore[method-assign]
    return written


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_home_is_not_drawn_again_after_its_first_frame(demo_home: Path, lang: str) -> None:
    start_building_home_view()  # as the app's start does, while Textual is imported
    app = make_app(lang=lang)
    first = on_first_home_frame(app, lambda home: True)
    written = lines_drawn_after(app, first)  # wraps the first frame's hook: counts after it
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await at_home(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        assert first, "home drew a frame with its data"
        status_line = app.screen.query_one(StatusBar).region.y
        assert set(written) <= {status_line}, written

        app.notify("x")  # something new on home is drawn as before
        await settle(app, pilot)
        assert set(written) - {status_line}
        assert "x" in str(app.screen.query_one(Toast).render())


async def test_home_is_written_when_the_start_hold_ends(demo_home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Home's first frame reaches the terminal as soon as Textual stops holding updates
    back as the app starts, not at the next tick of the screen's update timer (1/60 s
    later; made a minute here, so a frame that waited for the tick is not written)."""
    monkeypatch.setattr(textual.screen, "UPDATE_PERIOD", 60.0)
    start_building_home_view()
    app = make_app(lang="zh")
    written: list[object] = []
    drawn = app._display  # noqa: SLF001 - the frames as Textual draws them

    def noted(screen: object, update: object) -> None:
        if not app._batch_count and isinstance(screen, HomeScreen) and update is not None:  # noqa: SLF001
            written.append(update)
        drawn(screen, update)  # type: ignore[arg-type]

    app._display = noted  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(80, 24)):
        for _ in range(100):  # the Pilot's pause would draw the screen itself: not used
            if written:
                break
            await asyncio.sleep(0.05)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.home_view is not None
        assert written, "home's first frame was not written to the terminal within 5 s"
