"""Home's first frame is the one it settles on: its tables are filled before the first
layout (from the data read while the app started) for the widths that layout gives them,
so the hazards do not show four columns and then six, nor the due list's names cut to 20
cells and then whole, and home is not laid out and drawn a second time before a key is
pressed. At 80 and 120 columns, in both languages, beside a draft and without one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pilot_support import at_home
from test_home_hazards_beside_a_draft import start_a_draft
from textual.app import App

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.views.home import start_building_home_view
from fieldapp.tui.widgets.findings_table import FindingsTable
from fieldapp.tui.widgets.paged_table import PagedTable


def on_first_home_frame(app: App[object], keep: Callable[[HomeScreen], object]) -> list[object]:
    """A list that gets what `keep` makes of home as Textual draws home's first frame
    with its data."""
    first: list[object] = []
    drawn = app._display  # noqa: SLF001 - the frames as Textual draws them

    def keep_first(screen: object, update: object) -> None:
        if isinstance(screen, HomeScreen) and screen.home_view is not None and not first:
            first.append(keep(screen))
        drawn(screen, update)  # type: ignore[arg-type]

    app._display = keep_first  # type: ignore[method-assign]
    return first


def _columns(home: HomeScreen) -> list[list[tuple[str, int]]]:
    return [
        [(str(c.key.value), c.get_render_width(table)) for c in table.ordered_columns]
        for table in (home.query_one("#due", PagedTable), home.query_one(FindingsTable))
    ]


@pytest.mark.parametrize("draft", [False, True])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_first_frame_is_the_settled_one(
    demo_home: Path, size: tuple[int, int], lang: str, draft: bool
) -> None:
    if draft:
        start_a_draft()
    start_building_home_view()  # as the app's start does, while Textual is imported
    app = make_app(lang=lang)
    first = on_first_home_frame(
        app,
        lambda home: (
            [strip.text for strip in home._compositor.render_strips()],  # noqa: SLF001
            _columns(home),
        ),
    )
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot, rounds=3)
        home = app.screen
        assert isinstance(home, HomeScreen)
        settled = [strip.text for strip in home._compositor.render_strips()]  # noqa: SLF001
        assert first, "home drew a frame with its data"
        text, columns = first[0]  # type: ignore[misc]
        assert columns == _columns(home)
        assert home.query_one(FindingsTable).row_count and home.query_one("#due").row_count
        for line, (before, after) in enumerate(zip(text, settled, strict=True)):
            assert before == after, (line, before, after)
