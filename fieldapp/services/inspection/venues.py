"""Finding venues: search as you type over name, code and address, paged from the store.

A page is the first venues in code order that hold every term. How it is found depends
on how many venues a query matches, so the time stays flat from 1 to a million venues:

- few (the trigram index names at most `FEW` venues for the terms of three or more
  characters): up to `WALK_FROM` of them, those rows are read and sorted; more, and the
  code order is walked through its index, each venue tested against the matched ones
  (at 1M venues and 4,000 matches: ~13,000 index entries, not 4,000 rows and a sort);
- many (short terms, or common long ones): the venues are walked in code order — of
  the kind asked for, through the (kind, code) index — and each is tested with LIKE, so
  the walk stops at the end of the page; when a term is common, that is soon.

Both ways answer the same: a term matches where it is a substring of the name, the code
or the address (ASCII without regard to case), as the trigram index matches, or, typed in
letters alone, of the name's pinyin (`Venue.romanized`: `dongfang`, `dfsc` for 东方市场).
Only a term in letters tests the pinyin on a walk, which then reads each venue's row
(the indexes it walks hold the name and address, not the pinyin).

Chosen grids: one grid's venues are walked in code order through the (grid, code) index;
several grids (a village and its grids) are walked each on its own, a page from each, and
the pages merged, since SQLite would read every venue of the village to sort them (at 1M
venues, a village of 100,000: ~3 ms instead of ~320 ms).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from peewee import SQL, Column, NodeList

from fieldapp.domain.romanized import typed_pinyin
from fieldapp.store.db import db
from fieldapp.store.models import Grid, Venue

PAGE = 50
# At most this many venues matched by the trigram index are sorted; more, and walking the
# code order is cheaper (at 1M venues, 5,000 matches are one row in 200 walked).
FEW = 5_000
# From this many trigram matches on, walking the code order and testing each venue reads
# less than looking each match up and sorting (at 1M venues the two are about even here:
# ~20,000 index entries against 2,500 rows).
WALK_FROM = 2_500


class VenueHit(NamedTuple):
    """A venue as the search lists it (plain values: no model rows to build)."""

    id: str
    code: str
    name: str
    kind: str
    address: str
    grid_name: str
    attributes: str = "{}"  # JSON: has_gas, rooms… (absent: not recorded)
    grid_code: str = ""


def _fts_query(terms: list[str]) -> str:
    # Each term is quoted (trigram matches substrings of ≥ 3 chars).
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _few_matches(terms: list[str]) -> list[int] | None:
    """The rowids of the venues the trigram index matches for `terms`, or None when
    there are more than FEW."""
    found = db.execute_sql(
        "SELECT rowid FROM venue_fts WHERE venue_fts MATCH ? LIMIT ?",
        (_fts_query(terms), FEW + 1),
    ).fetchall()
    return None if len(found) > FEW else [rowid for (rowid,) in found]


def _among(rowids: list[int], walk: bool) -> Any:
    """The venue is one of `rowids`: the integers written into the statement (thousands
    of bound parameters cost peewee ~10 µs each to build); to `walk`, `+rowid` keeps
    SQLite from looking each one up, so it walks the code order instead."""
    # Peewee aliases the venue table (t1), so the rowid column goes through it.
    rowid = Column(Venue._meta.table, "rowid")  # type: ignore[attr-defined]
    listed = SQL("IN (" + ",".join(str(int(r)) for r in rowids) + ")")
    return NodeList((SQL("+"), rowid, listed) if walk else (rowid, listed))


def _unindexed_in_grids(grids: list[str]) -> Any:
    """The venue is in `grids`, as a test SQLite makes of each row it reads, not an index
    to walk (that would walk a grid's venues testing each against the few matches)."""
    grid = Column(Venue._meta.table, "grid_code")  # type: ignore[attr-defined]
    return NodeList((SQL("+"), grid)).in_(grids)


def _every_grid(grids: list[str]) -> bool:
    """`grids` name every grid this device holds (a town chosen on a town's laptop): no
    filter at all, which SQLite walks in code order, where filtering by grid made it read
    every venue of the town to sort them (3.8 s at 1M venues)."""
    return set(grids) >= {grid.code for grid in Grid.select(Grid.code)}


def _holds(term: str) -> Any:
    held = Venue.name.contains(term) | Venue.code.contains(term) | Venue.address.contains(term)
    pinyin = typed_pinyin(term)
    return (held | Venue.romanized.contains(pinyin)) if pinyin else held


def search(
    text: str = "",
    *,
    kind: str | None = None,
    grids: list[str] | None = None,
    limit: int = PAGE,
    offset: int = 0,
) -> list[VenueHit]:
    """Venues matching `text` (each whitespace-separated term a substring of the name,
    code or address, or of the name's pinyin), in code order."""
    hit = (Venue.id, Venue.code, Venue.name, Venue.kind, Venue.address, Grid.name)
    query = Venue.select(*hit, Venue.attributes, Venue.grid).join(Grid)
    if kind:
        query = query.where(Venue.kind == kind)
    if grids and _every_grid(grids):
        grids = None
    terms = text.split()
    long_terms = [t for t in terms if len(t) >= 3]
    few = _few_matches(long_terms) if long_terms else None
    if few is not None:
        if not few:
            return []
        # Not with grids: SQLite would test each venue's grid on the walk, reading its row.
        query = query.where(_among(few, walk=len(few) >= WALK_FROM and not grids))
        terms = [t for t in terms if len(t) < 3]
    for term in terms:
        query = query.where(_holds(term))
    if grids and few is None and len(grids) > 1:
        sql, params = _merged_by_grid(query, grids, limit, offset)
    else:
        if grids:  # with few matches, looked up by rowid: the grid is only tested
            query = query.where(
                Venue.grid.in_(grids) if few is None else _unindexed_in_grids(grids)
            )
        sql, params = query.order_by(Venue.code).limit(limit).offset(offset).sql()
    return [VenueHit(*row) for row in db.execute_sql(sql, params).fetchall()]


def _merged_by_grid(query: Any, grids: list[str], limit: int, offset: int) -> tuple[str, list]:
    """The page of `query` over several grids: each grid walked in code order through its
    (grid, code) index for as many venues as the page could need, the results merged."""
    upto = limit + offset
    parts = [
        query.where(Venue.grid == grid).order_by(Venue.code).limit(upto).sql() for grid in grids
    ]
    union = " UNION ALL ".join(f"SELECT * FROM ({sql})" for sql, _ in parts)
    params = [param for _, part_params in parts for param in part_params]
    # The second column is the venue's code.
    return f"{union} ORDER BY 2 LIMIT ? OFFSET ?", [*params, limit, offset]


def by_code(code: str) -> Venue | None:
    return Venue.get_or_none(Venue.code == code.strip().upper())
