"""Grid codes as the office writes them, found whatever their case (v1 is the grid V1), as
venue and route codes are: an import names each grid cell by the code the server holds
before checking it, so what it writes is that code; a command's grid option is found
the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sync.server import db as server_db
from sync.server.models import Grid
from sync.server.tables import Row

GRID_SPLIT = re.compile(r"[;,，；、\s]+")  # a cell listing grids: V1;A1, V1、A1, V1 A1


def stored_grid_codes(also: Iterable[str] = ()) -> dict[str, str]:
    """Each grid's code as stored, by its code in upper case; then `also` (codes a sheet
    adds) where the server holds none of that name."""
    return by_upper_case((code for (code,) in server_db.rows(Grid.select(Grid.code))), also)


def by_upper_case(held: Iterable[str], also: Iterable[str] = ()) -> dict[str, str]:
    """Each code `held` as it is, by the code in upper case; then `also` (the first
    spelling of each) where `held` has none of that code."""
    stored = {code.upper(): code for code in held}
    for code in also:
        stored.setdefault(code.upper(), code)
    return stored


def name_stored_grids(
    rows: Sequence[Row], column: str, *, many: bool = False, also: Iterable[str] = ()
) -> None:
    """Each row's `column` rewritten with the stored code of the grid it names (of each,
    joined by ;, where the cell lists `many`); a code no grid has is left as written, for
    the import's own check to name."""
    name_stored(rows, column, stored_grid_codes(also), many=many)


def name_stored(
    rows: Sequence[Row], column: str, stored: dict[str, str], *, many: bool = False
) -> None:
    """Each row's `column` rewritten with the code `stored` (by code in upper case) holds
    for what it names (each, joined by ;, where the cell lists `many`); a code `stored`
    lacks is left as written. Grid codes and person ids are named so."""
    for row in rows:
        written = row.get(column)
        if written:
            codes = [c for c in GRID_SPLIT.split(written) if c] if many else [written]
            row.values[column] = ";".join(stored.get(c.upper(), c) for c in codes)


def stored_grid(code: str) -> str | None:
    """The stored code of the grid `code` names, whatever its case; None with no grid."""
    return stored_grid_codes().get(code.strip().upper())
