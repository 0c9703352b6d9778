"""A Chinese notice over another widget's edge shows every character (fieldapp.tui.wide_text).

The review screen's message "请先选择隐患（空格选择，或把光标移到一条隐患上）。" lay over the
border between its list and its photo pane, and read "请先选  隐患" and "一条隐  上" there.
"""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.widgets import Static
from textual.widgets._toast import Toast

from fieldapp.tui import wide_text

MESSAGE = "请先选择隐患（空格选择，或把光标移到一条隐患上）。"


class Panes(App[None]):
    """Two panes side by side; their shared edge lies under the notices (bottom right)."""

    CSS = "Static { height: 1fr; } #left { width: 1fr; } #right { width: 21; border-left: solid red; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("列表", id="left")
            yield Static("照片", id="right")


def _toast_text(app: App[None]) -> str:
    """What the screen shows inside the notice, read from the rendered lines."""
    (toast,) = app.screen.query(Toast)
    region = toast.region
    lines = app.screen._compositor.render_strips()
    shown = [lines[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]
    return "".join("".join(shown).replace("▌", "").split())  # the notice's left edge too


@pytest.mark.parametrize(
    "lead", ["", "A"]
)  # the characters fall on one side of the edge or across it
async def test_a_chinese_notice_over_a_pane_edge_shows_every_character(lead: str) -> None:
    assert wide_text.install()
    app = Panes()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify(lead + MESSAGE, timeout=30)
        for _ in range(5):
            await pilot.pause()
        assert "".join((lead + MESSAGE).split()) in _toast_text(app)
        # As the terminal is sent it: only what changed, here the notice right of the edge
        # (a partial update starting inside the notice's line).
        (toast,) = app.screen.query(Toast)
        edge = app.screen.query_one("#right").region.x
        compositor = app.screen._compositor
        compositor._dirty_regions.add(Region(edge, toast.region.y, toast.region.right - edge, 3))
        update = compositor.render_partial_update()
        assert update is not None
        sent = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", update.render_segments(app.console))
        assert "光标移" in sent  # right of the edge on the notice's first line


async def test_a_partial_update_ending_inside_a_chinese_character_sends_it_whole() -> None:
    """A redraw whose region ends on the left half of a character (a cursor blinking
    beside the notice) sent "非现场  码" for "非现场扫码": the character became a space."""
    assert wide_text.install()
    app = Panes()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify(MESSAGE, timeout=30)
        for _ in range(5):
            await pilot.pause()
        (toast,) = app.screen.query(Toast)
        compositor = app.screen._compositor
        lines = compositor.render_strips()
        y = next(y for y in toast.region.line_range if "请先" in lines[y].text)
        column = cell_len(lines[y].text.split("择")[0])
        # From the notice's left edge to the middle of 择 (its columns are column, column + 1).
        compositor._dirty_regions.add(Region(toast.region.x, y, column + 1 - toast.region.x, 1))
        update = compositor.render_partial_update()
        assert update is not None
        sent = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", update.render_segments(app.console))
        assert sent.rstrip("\n").endswith("请先选择"), sent
