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
    stored = {code.upper(): code for (code,) in server_db.rows(Grid.select(Grid.code))}
    for code in also:
        stored.setdefault(code.upper(), code)
    return stored


def name_stored_grids(
    rows: Sequence[Row], column: str, *, many: bool = False, also: Iterable[str] = ()
) -> None:
    """Each row's `column` rewritten with the stored code of the grid it names (of each,
    joined by ;, where the cell lists `many`); a code no grid has is left as written, for
    the import's own check to name."""
    stored = stored_grid_codes(also)
    for row in rows:
        written = row.get(column)
        if written:
            codes = [c for c in GRID_SPLIT.split(written) if c] if many else [written]
            row.values[column] = ";".join(stored.get(c.upper(), c) for c in codes)


def stored_grid(code: str) -> str | None:
    """The stored code of the grid `code` names, whatever its case; None with no grid."""
    return stored_grid_codes().get(code.strip().upper())
