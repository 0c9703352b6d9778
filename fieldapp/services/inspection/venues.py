"""Finding venues: search as you type over name, code and address, paged from the store."""

from __future__ import annotations

from peewee import SQL, Column

from fieldapp.store.models import Grid, Venue

PAGE = 50


def _fts_query(text: str) -> str:
    # Each whitespace-separated term is quoted (trigram matches substrings of ≥ 3 chars).
    terms = [t.replace('"', '""') for t in text.split()]
    return " AND ".join(f'"{t}"' for t in terms)


def search(
    text: str = "",
    *,
    kind: str | None = None,
    grids: list[str] | None = None,
    limit: int = PAGE,
    offset: int = 0,
) -> list[Venue]:
    """Venues matching `text` (a Chinese substring, code or address), newest-due first.

    Terms of three or more characters use the trigram index; shorter ones fall back to
    LIKE, which SQLite answers by scanning (still a few milliseconds at 100k venues).
    """
    query = Venue.select(Venue, Grid).join(Grid)
    text = text.strip()
    if text:
        terms = text.split()
        long_terms = [t for t in terms if len(t) >= 3]
        short_terms = [t for t in terms if len(t) < 3]
        if long_terms:
            # Peewee aliases the venue table (t1), so the rowid column goes through it.
            rowid = Column(Venue._meta.table, "rowid")  # type: ignore[attr-defined]
            query = query.where(
                rowid.in_(
                    SQL(
                        "(SELECT rowid FROM venue_fts WHERE venue_fts MATCH ?)",
                        [_fts_query(" ".join(long_terms))],
                    )
                )
            )
        for term in short_terms:
            like = f"%{term}%"
            query = query.where(Venue.name**like | Venue.code**like | Venue.address**like)
    if kind:
        query = query.where(Venue.kind == kind)
    if grids:
        query = query.where(Venue.grid.in_(grids))
    return list(query.order_by(Venue.code).limit(limit).offset(offset))


def by_code(code: str) -> Venue | None:
    return Venue.get_or_none(Venue.code == code.strip().upper())
