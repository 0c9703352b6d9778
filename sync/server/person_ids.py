"""Person ids as the office writes them, found whatever their case (p1 is the person P1),
as grid codes are (`grid_codes`): an import names each person cell by the id the server
holds before checking it, so an import of people updates P1 rather than adding p1, and a
route's or a responsibility's p1 is P1."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sync.server import db as server_db
from sync.server.grid_codes import by_upper_case, name_stored
from sync.server.models import Person
from sync.server.tables import Row


def stored_person_ids(also: Iterable[str] = ()) -> dict[str, str]:
    """Each person's id as stored, by the id in upper case; then `also` (ids a sheet
    adds, the first spelling of each) where the server holds none of that id."""
    return by_upper_case((pid for (pid,) in server_db.rows(Person.select(Person.id))), also)


def name_stored_people(
    rows: Sequence[Row], column: str, *, many: bool = False, also: Iterable[str] = ()
) -> None:
    """Each row's `column` rewritten with the stored id of the person it names."""
    name_stored(rows, column, stored_person_ids(also), many=many)
