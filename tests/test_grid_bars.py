"""The completion tab's chart (F6, fourth tab, beside the table from 100 columns) leads
each grid's line with its code and name, both series on that line: plotext labelled
bars by code alone (DM, LDK) on the edge between a grid's two bars."""

from __future__ import annotations

from rich.cells import cell_len

from fieldapp.tui.widgets.grid_bars import GridBar, grid_bars

COLOURS = ("blue", "yellow")


def test_each_line_names_its_grid_and_holds_both_of_its_bars() -> None:
    bars = [
        GridBar("T01", "示例镇", 50, 100),
        GridBar("DM", "鼎美村", 0, 0),
        GridBar("LDK", "老渡口农贸市场", 100, 25),
    ]
    text = grid_bars(bars, 30, COLOURS)
    lines = text.plain.splitlines()
    # The code whole, the name cut where it is long.
    assert [line.split()[:2] for line in lines[:3]] == [
        ["T01", "示例镇"],
        ["DM", "鼎美村"],
        ["LDK", "老渡口…"],
    ]
    start = cell_len("T01 老渡口… ")
    width = 30 - start
    assert all(cell_len(line) == 30 for line in lines[:3])
    # 50 % done, all reported: both halves over half the bar, the lower one to its end.
    assert lines[0][-width:] == "▀" * (width // 2) + "▄" * (width - width // 2)
    assert lines[1][-width:] == " " * width
    assert lines[2][-width:] == "▀" * (width // 4) + "▀" * (width - width // 4)
    # Both halves drawn in one cell: the done colour over the reported one.
    styles = {str(span.style) for span in text.spans}
    assert "blue on yellow" in styles and "yellow" in styles
    assert lines[3].split() == ["0", "100%"] and lines[3].index("0") == start
    assert cell_len(lines[3]) == 30
