"""A venue's name fitted to a list's column, keeping what tells it from its neighbours.

A venue is named for its place, "·", then itself (湘洲小区农贸市场·德顺五金店(示例)). Cut
from its end, every venue of a long place read alike at 80 columns: three rows of find
venue read "湘洲小区农贸市场·德…", the part that differs cut away. Here the place is what
gives way: its start and "…" where room is short (湘…·德顺五金店(示例)), then nothing of it
("…德顺五金店(示例)"), and only then the venue's own part is cut at its end, after its
place's first character where that leaves it room (湘…·德顺五金店…). Every list of venues
(home's due list and hazards, find venue, review, drafts, the round's due list and
stops) cuts names this one way (`VenueName`, `venue_name_in`).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from fieldapp.tui.widgets.table import Cut, cut, fitting

PLACE_MARK = "·"  # between the place and the venue's own name
# The cells of its own part a cut name keeps after its place's "鼎…·" (in fewer, the
# place is left out: "湘…·德…" read alike for 德顺五金店 and 德顺百货店)
OWN_CUT_KEPT = 12


def venue_name_in(name: str, cells: int) -> str:
    """`name` in `cells`: whole if it fits, else its own part whole after what start of
    its place fits and "…" (湘洲…·德顺五金店), then after "…" alone, else its own part cut
    at its end after its place's first character (湘…·德顺五金店…: cut alone, 鼎美村·百味住家
    服装加工点(示例) read 百味住家服装加工点(示… among 鼎…· rows, its place gone unsaid);
    a name without a place is cut at its end."""
    if cell_len(name) <= cells:
        return name
    place, mark, own = name.partition(PLACE_MARK)
    if not mark or not own:
        return cut(name, cells)
    head = fitting(place, cells - 1 - cell_len(mark + own))
    if head:
        return "".join(head) + "…" + mark + own
    if cell_len(own) < cells:
        return "…" + own
    lead = "".join(fitting(place, 2)) + "…" + mark  # 鼎…·, as the rows around it
    if cells - cell_len(lead) >= OWN_CUT_KEPT:
        return lead + cut(own, cells - cell_len(lead))
    return cut(own, cells)


class VenueName(Cut):
    """A table cell holding a venue's name, fitted with `venue_name_in` to the width its
    column is drawn at."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shown = venue_name_in(self.text, options.max_width)
        yield Text(shown, no_wrap=True, overflow="crop", end="")
