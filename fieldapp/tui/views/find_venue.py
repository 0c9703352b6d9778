"""What Find venue reads in its worker: one page of venues for a search (code, name,
kind, grid and the address after the grids' names), and the grids a search may be
narrowed to. Call these in a worker."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

PAGE = 50


@dataclass(frozen=True)
class VenueRow:
    venue_id: str
    code: str
    name: str
    kind: str
    grid: str
    address: str
    attributes: dict[str, object] = field(default_factory=dict)
    grid_parent: str = ""  # the name of the grid `grid` is under: left out where narrow
    street: str = ""  # the address after the names of its grids (what tells venues apart)


@dataclass(frozen=True)
class SearchRequest:
    text: str
    kind: str | None
    grid: str | None
    offset: int


def grid_choices() -> list[tuple[str, str]]:
    """(name, code) of my grids and every grid under them (call in a worker)."""
    from fieldapp.services.common.identity import grid_codes_under, me
    from fieldapp.store.models import Grid

    codes = grid_codes_under([code for code, _ in me().grids])
    names = {g.code: g.name for g in Grid.select(Grid.code, Grid.name).where(Grid.code.in_(codes))}
    return [(names.get(code, code), code) for code in codes]


def run_search(request: SearchRequest) -> tuple[list[VenueRow], bool]:
    """One page of venues for `request`, and whether there is a next page."""
    from fieldapp.services.common.grid_tree import grid_chains, parent_names, street_of
    from fieldapp.services.common.identity import grid_codes_under
    from fieldapp.services.inspection.venues import search

    grids = grid_codes_under([request.grid]) if request.grid else None
    venues = search(
        request.text, kind=request.kind, grids=grids, limit=PAGE + 1, offset=request.offset
    )
    parents = parent_names(v.grid_code for v in venues[:PAGE])
    chains = grid_chains()
    rows = [
        VenueRow(
            venue_id=v.id,
            code=v.code,
            name=v.name,
            kind=v.kind,
            grid=v.grid_name,
            address=v.address,
            attributes=json.loads(v.attributes or "{}"),
            grid_parent=parents.get(v.grid_code, ""),
            street=street_of(v.address, chains.get(v.grid_code, [])),
        )
        for v in venues[:PAGE]
    ]
    return rows, len(venues) > PAGE
