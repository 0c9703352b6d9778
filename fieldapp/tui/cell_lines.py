"""A table cell of one line drawn without rich's general layout, segment for segment as
rich draws it.

DataTable draws each cell it has not drawn before as
`console.render_lines(Styled(Padding(cell, (0, 1)), pre_style, post_style))`: rich
measures and lays out the padding, wraps the text, splits and crops its lines twice and
styles each segment through two generators, ~70 µs a cell. Home's first frame draws ~75
cells (~5 ms of its ~20). Almost every cell here is one line of text that fits its
column: plain text (`plain_cells`), a name fitted to the column (`Cut`, `VenueName`,
`GridName`, each yielding one such Text). For those, `install()` makes DataTable's
`Styled` yield the very segments rich would (the padding, the text's segments, the
padding of its column, each styled by the same `Segment.apply_style`); any other cell
(a heading that may wrap, a text wider than its column, several lines, tabs, a justified
text, a renderable of its own) is drawn by rich as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text
from textual.renderables.styled import Styled
from textual.widgets import _data_table

from fieldapp.tui.widgets.table import Cut, GridName

_textual_styled = _data_table.Styled


def one_line(cell: object, console: Console, options: ConsoleOptions) -> Text | None:
    """The Text a cell draws in `options` (its column less the padding), if rich would
    draw it as its one line unchanged: no wrapping, cropping, justifying nor tabs."""
    if isinstance(cell, Cut | GridName):  # each yields one Text, made for this width
        made = list(cell.__rich_console__(console, options))
        if len(made) != 1 or not isinstance(made[0], Text):
            return None
        cell = made[0]
    if type(cell) is not Text:
        return None
    plain = cell.plain
    if "\n" in plain or "\t" in plain or cell_len(plain) > options.max_width:
        return None
    no_wrap = cell.no_wrap if cell.no_wrap is not None else options.no_wrap
    justify = cell.justify or options.justify or "default"
    if not no_wrap or justify != "default":
        return None
    return cell


def text_segments(text: Text, console: Console) -> list[Segment]:
    """The segments rich's Text.__rich_console__ yields for one line that fits: it joins
    its lines with "\\n", which makes the line's own style a span."""
    if not text.style and not text.spans:
        return [Segment(text.plain)]
    return list(Text("\n").join([text]).render(console))


class CellStyled(Styled):
    """DataTable's `Styled`, drawing a padded one-line cell directly (module docstring)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self._one_line(console, options)
        if lines is None:
            return super().__rich_console__(console, options)
        return lines

    def _one_line(self, console: Console, options: ConsoleOptions) -> list[Segment] | None:
        padding = self.renderable
        if type(padding) is not Padding or padding.top or padding.bottom:
            return None
        if not padding.expand or options.height != 1:
            return None
        room = options.max_width - padding.left - padding.right
        if room < 1:
            return None
        inner = options.update_width(room).update_height(1)
        text = one_line(padding.renderable, console, inner)
        if text is None:
            return None
        pad_style = console.get_style(padding.style)
        if pad_style:  # rich would style the text with it too
            return None
        line = text_segments(text, console)
        used = sum(segment.cell_length for segment in line)
        if used < room:
            line.append(Segment(" " * (room - used), pad_style))
        segments: Iterable[Segment] = line
        if padding.left:
            segments = [Segment(" " * padding.left, pad_style), *segments]
        right = [Segment(" " * padding.right, pad_style)] if padding.right else []
        pre_style = console.get_style(self.pre_style)
        post_style = console.get_style(self.post_style)
        return list(
            Segment.apply_style(
                [*segments, *right, Segment.line()], style=pre_style, post_style=post_style
            )
        )


def install() -> bool:
    """Make DataTable draw its cells with `CellStyled`. False, and Textual's kept, where
    its data table module differs from what this expects (8.2)."""
    current = getattr(_data_table, "Styled", None)
    if current is CellStyled:
        return True
    if current is not _textual_styled or current is not Styled:
        return False
    _data_table.Styled = CellStyled  # type: ignore[misc]  # Textual's name, our subclass
    return True
