"""The DataTable every screen uses: Textual's, with column widths that never go stale
and Home/End going to the first/last row.

Textual measures a new row's cells on the next idle, but a frame drawn between `add_row`
and that idle caches its lines with the columns still as wide as their labels, and the
measuring does not invalidate that cache: under load the home screen kept showing
"Overdu  202  LDK-" until something else redrew it (seen as a failing home snapshot).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text, TextType
from textual import events
from textual.geometry import Size
from textual.widgets import DataTable, Label
from textual.widgets.data_table import ColumnKey, RowKey

from fieldapp.tui.kinsoku import wrap_offsets
from fieldapp.tui.views.cells import cut, fitting
from fieldapp.tui.widgets.cursor_kept import CursorKept
from fieldapp.tui.widgets.first_layout import content_width_before_layout


class Table(CursorKept, DataTable[str]):
    """A DataTable whose lines are drawn again once its new rows have been measured.

    A table may name a column that gives up width, down to `squeezed_min` cells, so that
    the columns up to another are seen (`squeezed`: those two keys): the find-venue
    list's long venue names pushed the kind and the grid out at 80 columns. With
    `squeezed_heading_after`, the heading of the column after the last one is seen too
    (not "Addre" at the screen's edge). A squeezed column added with a width is never
    wider than that width (the patrol run's checkpoints at 80 columns stay as they were),
    only narrower where the room is short."""

    squeezed: tuple[str, str] | None = None
    squeezed_min = 20
    squeezed_heading_after = False
    # The content's width before the first layout, where the container knows it
    # (`HomeLower`: beside a draft the hazards' width follows from the drafts').
    room_before_layout = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._asked_widths: dict[ColumnKey, int] = {}  # the columns added with a width

    def add_column(
        self,
        label: TextType,
        *,
        width: int | None = None,
        key: str | None = None,
        default: str | None = None,
    ) -> ColumnKey:
        if isinstance(label, str):  # a heading is plain text: DataTable reads a str as
            label = Text(label)  # markup, which loads rich's emoji names before home shows
        column_key = super().add_column(label, width=width, key=key, default=default)
        self._asked_widths.pop(column_key, None)
        if width is not None:
            self._asked_widths[column_key] = width
        return column_key

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        widths = [column.content_width for column in self.ordered_columns]
        super()._update_dimensions(new_rows)
        squeezed = self._squeeze()
        if squeezed or widths != [column.content_width for column in self.ordered_columns]:
            self._update_count += 1  # part of every render cache's key: those lines are stale
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._squeeze():
            self._update_count += 1
            self.refresh()
        if self.show_cursor and self.cursor_type == "row" and self.row_count:
            # Shrunk under its cursor (a longer status below it: the people screen's
            # revealed number went below the fold), the cursor's row is brought back.
            self.move_cursor(row=self.cursor_row, scroll=True)

    def room(self) -> int:
        """The content's width: as laid out, else as the first layout will make it (rows
        shown before the first frame are fitted for it), 0 where that is not known."""
        return (
            self.content_region.width
            or self.room_before_layout
            or content_width_before_layout(self)
        )

    def action_scroll_home(self) -> None:
        """Home: the first row, seen from the left edge. Textual's Home and End move a row
        cursor's table sideways; every list here is read down, as its footer's keys are."""
        if self.show_cursor and self.cursor_type == "row":
            self.scroll_x = 0
            self.action_scroll_top()
        else:
            super().action_scroll_home()

    def action_scroll_end(self) -> None:
        """End: the last row (the last of the page a paged list shows)."""
        if self.show_cursor and self.cursor_type == "row":
            self.action_scroll_bottom()
        else:
            super().action_scroll_end()

    def _squeeze(self) -> bool:
        """Fit the squeezed column into the room the others up to the last one to be seen
        leave; True if its width changed."""
        if self.squeezed is None:
            return False
        keys = [c.key for c in self.ordered_columns]
        squeezed, last = (ColumnKey(key) for key in self.squeezed)
        if squeezed not in keys or last not in keys:
            return False
        column = self.columns[squeezed]
        padding = 2 * self.cell_padding
        seen = self.ordered_columns[: keys.index(last) + 1]
        others = sum(c.get_render_width(self) for c in seen if c is not column)
        if self.squeezed_heading_after and len(keys) > len(seen):
            others += self.ordered_columns[len(seen)].label.cell_len + padding
        # The room whether or not the vertical scrollbar shows (it comes with more rows).
        room = self.room() - self.styles.scrollbar_size_vertical
        room -= self._row_label_column_width + others
        wanted = self._asked_widths.get(squeezed, column.content_width)
        width = max(self.squeezed_min, min(wanted, room - padding))
        before = column.get_render_width(self)
        column.auto_width = squeezed not in self._asked_widths and width >= wanted
        column.width = width
        after = column.get_render_width(self)
        if after == before:
            return False
        self.virtual_size = Size(self.virtual_size.width + after - before, self.virtual_size.height)
        return True


# A grid's name in a list: as wide as "鼎美村第二网格" (past it, `grid_name_in` fits it).
GRID_CELLS = 14
# and in a squeezed column at least as wide as two levels' indent and "第二…": the F6
# grids table at 80 columns has no more in English ("Not filed" takes today's column)
GRID_NAME_MIN = 9


# The cells a name keeps before what is said after it (`cut_before`): "烟…" or "Ni…".
NAME_KEPT_MIN = 3


def cut_before(text: str, after: str, cells: int) -> str:
    """`text` and `after` in `cells`: where they do not fit, `text` is cut with "…" and
    `after` (a code, a mark) said whole after it, if `text` keeps `NAME_KEPT_MIN` cells;
    else the two are cut together, once. Each cut alone read "烟花爆竹巡… (FW…"."""
    whole = text + after
    room = cells - cell_len(after)
    if cell_len(whole) <= cells or room < min(NAME_KEPT_MIN, cell_len(text)):
        return cut(whole, cells)
    return cut(text, room) + after


class Cut:
    """A table cell's text, cut with `cut` to the width its column is drawn at: a name
    cut at a column's or the pane's edge says it goes on (DataTable crops it bare). With
    `after`, what follows the name is kept whole where there is room (`cut_before`)."""

    def __init__(self, text: str, after: str = "") -> None:
        self.text = text
        self.after = after

    def __str__(self) -> str:
        return self.text + self.after

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = cell_len(str(self))
        return Measurement(min(width, 1), width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shown = cut_before(self.text, self.after, options.max_width)
        yield Text(shown, no_wrap=True, overflow="crop", end="")


class CutLabel(Label):
    """A label of one line, cut with `cut` at its width: home's grids at 60 columns ran
    into the date beside them, cut bare ("My grids: 鼎美村, 老渡Today"). Given the text
    without its heading (`say`), that is shown where the room has not the heading whole
    and a name's start: with F1's panel open home's grids read "My g…"."""

    shorter = ""

    def say(self, text: str, shorter: str = "") -> None:
        self.shorter = shorter
        self.update(text)

    def render(self) -> RenderableType:
        return Shorter(str(super().render()), self.shorter)


class Shorter(Cut):
    """`text` cut to the width it is drawn at, or `shorter`, its end without the heading,
    where the cut would not keep the heading whole and `NAME_KEPT_MIN` cells after it."""

    def __init__(self, text: str, shorter: str) -> None:
        super().__init__(text)
        self.shorter = shorter

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room, text = options.max_width, self.text
        heading = cell_len(text) - cell_len(self.shorter)
        if self.shorter and cell_len(text) > room and room <= heading + NAME_KEPT_MIN:
            text = self.shorter
        yield Text(cut(text, room), no_wrap=True, overflow="crop", end="")


def cut_at_word(text: str, cells: int) -> str:
    """`text` whole if it fits in `cells`, else cut with "…" where a line of it would end
    (`wrap_offsets`: between words, or Chinese between characters as its typesetting
    allows), without the comma or space before the cut: home's campaign banner read
    "…fireworks ban (Pre-fest", cut bare inside a word."""
    if cell_len(text) <= cells:
        return text
    breaks = wrap_offsets(text, cells - 1)
    head = text[: breaks[0]].rstrip(" ,，、;；:：") if breaks else ""
    return head + "…" if head else cut(text, cells)


class WordCut(Cut):
    """A line of text cut with `cut_at_word` to the width it is drawn at."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(cut_at_word(self.text, options.max_width), no_wrap=True, end="")


class WordCutLabel(Label):
    """A label of one line cut between words with "…" (`cut_at_word`) at its width."""

    def render(self) -> RenderableType:
        return WordCut(str(super().render()))


class GridName:
    """A grid's name in a table of the grid tree, indented two cells a level. Where its
    column has no room for it, it gives up the name of the grid it is under (鼎美村第一网格
    under 鼎美村 reads 第一网格), then its end, cut with "…": the indent that shows the
    tree stays, and each row reads from the start of its name (cut from the left, grids read
    "…村第一网格" at a village's indent, and a long village's name "…渡口农贸市场" stood out
    of line). A table short of room indents one cell a level (`step`). In a list that is
    no tree (`apart`), it keeps the start of the grid it is under as `grid_name_apart` does
    (老渡…第一网格, as home's due list): no row above says which village it is in."""

    def __init__(
        self,
        name: str,
        depth: int,
        parent: str = "",
        cells: int = GRID_CELLS,
        step: int = 2,
        *,
        apart: bool = False,
        code: str = "",
    ) -> None:
        self.name = name
        self.depth = depth
        self.parent = parent
        self.cells = cells  # the most its column asks for, beside its indent
        self.step = step  # cells of indent a level
        self.apart = apart
        # Led by its code (DM-1 第一网格): the code, unique, stays whole and the name,
        # without the name of the grid it is under, gives way (DM-1 第一…).
        self.code = f"{code} " if code else ""

    def __str__(self) -> str:
        return " " * self.step * self.depth + self.code + self.name

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = self.step * self.depth + len(self.code) + min(cell_len(self.name), self.cells)
        return Measurement(min(width, 1), width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = " " * self.step * self.depth + self.code
        fitted = grid_name_apart if self.apart else grid_name_in_tree
        if self.code:
            fitted = grid_name_in
        name = fitted(self.name, self.parent, max(options.max_width - len(indent), 1))
        yield Text(indent + name, no_wrap=True, overflow="crop", end="")


def grid_name_in(name: str, parent: str, cells: int) -> str:
    """A grid's name in `cells`, read from its start: whole if it fits, else without the
    name of the grid it is under (`parent`: 鼎美村第一网格 under 鼎美村 reads 第一网格), cut
    on the right with "…" if that is still too long. Cut from the left instead, it read
    "…市场第一网格" in lists and "…口农贸市场第一网格" in the daily report's grids."""
    if cell_len(name) <= cells:
        return name
    return cut(name.removeprefix(parent) if parent else name, cells) or cut(name, cells)


# What `grid_name_in_tree` keeps of a cut name: of its own part at least its start with
# "…" (第一… of 第一网格), whole where the grid it is under keeps this much (东瑶 of 东瑶村).
OWN_KEPT = 5
PARENT_KEPT = 4


def grid_name_in_tree(name: str, parent: str, cells: int) -> str:
    """A grid's name in `cells` in a tree, where the row of the grid it is under may be
    scrolled away: whole if it fits, else as much of the start of that grid's name as
    leaves room for its own part (or its start, cut with "…"), then "·" and that part:
    东瑶村第一网格 reads 东瑶·第一网格, 东瑶村·第一…, 东瑶·第一… or 东·第一… as the room
    narrows, where it read 第一网格 like every village's first grid; as `grid_name_in`
    where not even one character of that grid's name fits."""
    if cell_len(name) <= cells:
        return name
    own = (name.removeprefix(parent) if parent else name).lstrip()
    if own == name or not own:
        return grid_name_in(name, parent, cells)
    whole = cells - 1 - cell_len(own) >= PARENT_KEPT
    head = "".join(fitting(parent, cells - 1 - (cell_len(own) if whole else OWN_KEPT)))
    if not head:
        return grid_name_in(name, parent, cells)
    return head + "·" + cut(own, cells - 1 - cell_len(head))


def grid_name_apart(name: str, parent: str, cells: int) -> str:
    """A grid's name in `cells` that still tells it from the grids of the same name under
    other grids: whole if it fits, else the start of the grid it is under, "…" and its own
    part (老渡口农贸市场第一网格 reads 老渡…第一网格, where `grid_name_in` gives 第一网格, as
    for 湘洲小区农贸市场第一网格); as `grid_name_in` where that leaves no room."""
    if cell_len(name) <= cells:
        return name
    own = name.removeprefix(parent) if parent else name
    head = fitting(parent, cells - 1 - cell_len(own)) if own != name else []
    if not head or not own:
        return grid_name_in(name, parent, cells)
    return "".join(head) + "…" + own


def grid_parents(rows: Iterable[tuple[str, int]]) -> list[str]:
    """The name of the grid each (name, depth) of a grid tree listed parent first is
    under: the last one listed a level up ("" for a root)."""
    above: dict[int, str] = {}
    parents = []
    for name, depth in rows:
        parents.append(above.get(depth - 1, ""))
        above[depth] = name
    return parents


def grid_names(
    rows: Iterable[tuple[str, int]], step: int = 2, codes: Iterable[str] = ()
) -> list[GridName]:
    """The `GridName` of each (name, depth) of a grid tree listed parent first, each
    knowing the name of the grid it is under, indented `step` cells a level, led by its
    code in `codes` where given."""
    listed = list(rows)
    led = list(codes) or [""] * len(listed)
    return [
        GridName(name, depth, parent, step=step, code=code)
        for (name, depth), parent, code in zip(listed, grid_parents(listed), led, strict=True)
    ]
