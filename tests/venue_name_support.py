"""How a test reads a venue's name in a list: whole, or fitted by `venue_name_in` (its place
cut, its own part kept) to the cells it was drawn in."""

from __future__ import annotations

from rich.cells import cell_len

from fieldapp.tui.widgets.venue_names import venue_name_in


def reads_as(shown: str, name: str) -> bool:
    """Whether `shown` is `name` whole or fitted to its column (a double-width character
    that did not fit leaves a cell more than `shown` takes)."""
    return any(
        venue_name_in(name, cells) == shown for cells in (cell_len(shown), cell_len(shown) + 1)
    )


def shown_in(name: str, text: str, cells: int) -> bool:
    """Whether `text` holds `name` fitted to `cells` cells or more (or whole)."""
    widths = range(min(cells, cell_len(name)), cell_len(name) + 1)
    return any(venue_name_in(name, k) in text for k in widths)


def fitted_in(name: str, text: str) -> str:
    """The widest fitting of `name` (`venue_name_in`) that `text` holds, "" if none."""
    fitted = (venue_name_in(name, cells) for cells in range(cell_len(name), 0, -1))
    return next((shown for shown in fitted if shown in text), "")
