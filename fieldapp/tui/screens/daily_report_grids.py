"""A grid's line in the daily report's grid list (F8), fitted to the list's width."""

from __future__ import annotations

from rich.text import Text

from fieldapp.tui.views.report_lines import GridLine, grid_option
from fieldapp.tui.widgets.table import grid_name_apart


def fitted_grid_line(line: GridLine, parent: str, cells: int) -> Text:
    """The grid's line in `cells`: a name too long keeps what start of the grid it is
    under fits, then its own part (老渡口农贸市…第一网格), as home's due list does; with no
    room for that, its own part alone (第一网格 under 老渡口农贸市场), where two areas of
    one village differ."""
    head = grid_option(line.depth, "", line.state).cell_len
    name = grid_name_apart(line.name, parent, max(4, cells - head))
    return grid_option(line.depth, name, line.state)
