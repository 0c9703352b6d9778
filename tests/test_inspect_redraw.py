"""Functional: after each answer the inspect screen redraws only what changed (a line of
the same room is repainted without a layout), and still every line of the next item is
shown whole — a question that wraps after one that did not is not cut to one line, the
progress is as wide as its text."""

from __future__ import annotations

from pathlib import Path

from inspect_support import inspect_screen, seed_store
from rich.cells import cell_len
from textual.geometry import Size
from textual.widgets import Static

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.widgets.item_card import VALUE_TYPES

SIZE = (40, 40)  # narrow: some questions and hints wrap, some do not


def clipped(screen: InspectScreen) -> list[str]:
    """The shown lines whose room is not what their text needs."""
    wrong = []
    for static in screen.query("#item-card > Static").results(Static):
        if not static.display:
            continue
        width = static.content_region.width
        needed = static.get_content_height(Size(width, 100), Size(width, 100), width)
        if static.content_region.height != needed:
            wrong.append(f"{static.id}: {static.content_region.height} lines for {needed}")
    progress = screen.query_one("#inspect-progress", Static)
    if progress.content_region.width != cell_len(str(progress.content)):
        wrong.append(f"inspect-progress: {progress.content_region.width} columns")
    return wrong


async def test_each_next_item_is_shown_whole(home: Path) -> None:
    seed_store()
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        screen: InspectScreen = await inspect_screen(app, pilot)
        heights = set()
        answered = 0
        while screen.index + 1 < len(screen.codes):
            code = screen.item.code
            if screen.item.answer in VALUE_TYPES:
                screen.action_next()  # not what this is about: stepped over
            else:
                await pilot.press("y")
                answered += 1
            await pilot.pause()
            assert screen.item.code != code
            assert clipped(screen) == [], screen.item.code
            heights.add(screen.query_one("#item-text", Static).content_region.height)
        assert answered > 5
        assert heights >= {1, 2}  # both kinds of question were walked over
