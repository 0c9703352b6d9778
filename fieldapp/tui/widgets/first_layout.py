"""The width the first layout will give a widget's content, known before that layout.

Home fills its tables in `on_mount`, from the data read while the app started, before
Textual has laid anything out: the tables' width was 0 there, so the first frame showed
the hazards with their first four columns and the due list's names cut to 20 cells, and
once the panes had their sizes the hazards were filled again and both tables measured and
drawn again: a second layout and render of home before anything was pressed (~20 ms of
CPU at each start). Where a widget's width follows from the screen's alone (each
container on the way full width in a vertical one, less its padding, border and margins)
it is known before the layout. Elsewhere it is unknown (0), and the widths are fitted once
laid out, as they always are after a resize: this is only the first guess.
"""

from __future__ import annotations

from textual.css.scalar import Unit
from textual.screen import Screen
from textual.widget import Widget


def content_width_before_layout(widget: Widget) -> int:
    """The width of `widget`'s content once laid out, or 0 where that is not known."""
    outer = _outer_width(widget)
    return max(0, outer - widget.styles.gutter.width) if outer else 0


def _outer_width(node: Widget) -> int:
    if isinstance(node, Screen):
        return node.app.size.width
    parent = node.parent
    styles = node.styles
    if not isinstance(parent, Widget) or not node.display or styles.is_docked:
        return 0
    layout = parent.styles.layout
    if layout is None or layout.name != "vertical" or styles.position != "relative":
        return 0
    width = styles.width
    full = width is None or width.is_fraction or (width.unit is Unit.PERCENT and width.value == 100)
    if not full or styles.box_sizing != "border-box" or parent.styles.overflow_y == "scroll":
        return 0
    room = content_width_before_layout(parent)
    if not room:
        return 0
    outer = room - styles.margin.width
    for limit, wider in ((styles.min_width, True), (styles.max_width, False)):
        if limit is None:
            continue
        if limit.unit is not Unit.CELLS:
            return 0
        outer = max(outer, int(limit.value)) if wider else min(outer, int(limit.value))
    return outer
