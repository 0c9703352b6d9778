"""Is a venue inside the grids I may write? The server takes an inspection only of a
venue in its inspector's grids (or their areas; an admin's anywhere) and refuses the
rest at sync as ``outside_grid`` (sync/server/scope.py `may_write_grid`). A device can
hold venues beyond those grids, so a placard scanned there is told before an inspection
is started rather than refused at the end of it."""

from __future__ import annotations

from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.store.models import Grid, Venue


def grid_outside_mine(venue_id: str) -> str:
    """The name of the venue's grid where it lies outside my grids; "" where the server
    would take its inspection (or the venue is unknown: the caller says so)."""
    who = me()
    if who.role == "admin":
        return ""
    venue = Venue.get_or_none(Venue.id == venue_id)
    if venue is None or venue.grid_code in grid_codes_under([code for code, _ in who.grids]):
        return ""
    grid = Grid.get_or_none(Grid.code == venue.grid_code)
    return str(grid.name) if grid is not None else str(venue.grid_code)
