"""`fieldapp admin import-responsibilities FILE`: 包保 — which cadre is responsible for
which households — from CSV or XLSX, one assignment ended (`end-responsibility`), and
each cadre's list.

Columns: `cadre` (a person's id, or their name when only one person has it), `grid` and
`household` (户号). All or nothing, as the other imports: every row is checked first
(unknown or ambiguous cadre, unknown grid, no such household in the grid, the same pair
twice) and every problem reported with its row and column. A household named in the file
gets exactly the cadres the file lists for it (re-importing a corrected file replaces, it
does not pile up); households the file does not name keep theirs. One transaction, the
touched households' records in the feed (devices of their grid show the cadres), one
audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sync.server import db as server_db
from sync.server import headers
from sync.server.feed import append_changes
from sync.server.grid_codes import name_stored_grids
from sync.server.models import Grid, Person
from sync.server.people import audit, household_change
from sync.server.people_models import Household, Responsibility
from sync.server.person_ids import name_stored_people
from sync.server.tables import ImportRefused, Row, RowError, no_grid, read_table

IMPORTED = "responsibilities.imported"
ENDED = "responsibility.ended"


def _people() -> tuple[set[str], dict[str, list[str]]]:
    """The server's person ids, and the ids of each name."""
    people = list(Person.select(Person.id, Person.name))
    by_name: dict[str, list[str]] = {}
    for person in people:
        by_name.setdefault(person.name, []).append(person.id)
    return {p.id for p in people}, by_name


def _resolve(text: str, ids: set[str], by_name: dict[str, list[str]]) -> tuple[str, RowError]:
    """A cadre named by id or name: their person id (or "") and what is wrong, a
    `RowError` of the cadre column with no row yet (key "" when nothing is)."""
    if text in ids:
        return text, RowError(0, "cadre", "")
    named = by_name.get(text, [])
    if len(named) == 1:
        return named[0], RowError(0, "cadre", "")
    if not text:
        return "", RowError(0, "cadre", "import.cadre_empty")
    if named:
        found = {"count": len(named), "name": text, "ids": tuple(sorted(named))}
        return "", RowError(0, "cadre", "import.cadre_ambiguous", found)
    return "", RowError(0, "cadre", "import.no_person", {"person": text})


def _cadre(row: Row, ids: set[str], by_name: dict[str, list[str]], errors: list[RowError]) -> str:
    cadre, problem = _resolve(row.get("cadre"), ids, by_name)
    if problem.key:
        errors.append(replace(problem, row=row.number))
    return cadre


def import_responsibilities(path: Path | str) -> int:
    """Import the file; returns the number of assignments written."""
    table = read_table(path, ("cadre", "grid", "household"), headers.RESPONSIBILITIES)
    rows = table.rows
    name_stored_grids(rows, "grid")  # v1 is the grid V1
    name_stored_people(rows, "cadre")  # p1 is the person P1 (a name is kept as written)
    ids, by_name = _people()
    grids = {g.code for g in Grid.select(Grid.code)}
    households = {(h.grid_code, h.code): h.id for h in Household.select(
        Household.id, Household.grid, Household.code)}  # fmt: skip
    errors: list[RowError] = list(table.problems)
    wanted: dict[str, set[str]] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        cadre = _cadre(row, ids, by_name, errors)
        grid, code = row.get("grid"), row.get("household")
        household = households.get((grid, code))
        if grid not in grids:
            errors.append(no_grid(row, "grid", grid))
        elif household is None:
            missing = {"household": code, "grid": grid}
            errors.append(RowError(row.number, "household", "import.no_household", missing))
        if not (cadre and household):
            continue
        if (cadre, household) in seen:
            other = {"other": seen[cadre, household]}
            errors.append(RowError(row.number, "cadre", "import.same_cadre", other))
        seen[cadre, household] = row.number
        wanted.setdefault(household, set()).add(cadre)
    if errors:
        raise ImportRefused(
            Path(path).name, sorted(errors, key=lambda e: e.row), headers=table.headers
        )
    now = server_db.now_iso()
    with server_db.write_transaction():
        for household_id, cadres in wanted.items():
            Responsibility.delete().where(
                (Responsibility.household == household_id)
                & Responsibility.person.not_in(sorted(cadres))
            ).execute()
            for cadre in sorted(cadres):
                Responsibility.insert(
                    household=household_id, person=cadre, assigned_at=now
                ).on_conflict_ignore().execute()
        audit(None, IMPORTED, Path(path).name, assignments=len(seen), households=len(wanted))
        touched = Household.select().where(Household.id.in_(list(wanted) or [""]))
        append_changes([household_change(h) for h in touched])
    return len(seen)


def end_responsibility(cadre: str, grid: str, household: str) -> Person:
    """`cadre` (a person id or name) is no longer responsible for household `household`
    (户号) of `grid`; returns the cadre. The household's record goes to the
    feed again, so the devices of its grid show its cadres without them, and the cadre's
    own devices drop it at their next pull when it is outside their grids."""
    person_id, problem = _resolve(cadre.strip(), *_people())
    if problem.key:
        raise ValueError(problem.message)
    held = Household.get_or_none((Household.grid == grid) & (Household.code == household))
    if held is None:
        raise ValueError(f"no household {household!r} in grid {grid!r} on the server")
    with server_db.write_transaction():
        ended = (
            Responsibility.delete()
            .where((Responsibility.household == held.id) & (Responsibility.person == person_id))
            .execute()
        )
        if not ended:
            raise ValueError(
                f"{cadre} is not responsible for household {household} of {grid}; "
                f"`fieldapp admin responsibilities --cadre {person_id}` lists theirs"
            )
        audit(None, ENDED, held.id, cadre=person_id)
        append_changes([household_change(held)])
    return Person.get_by_id(person_id)


@dataclass(frozen=True)
class CadreList:
    person_id: str
    name: str
    households: list[tuple[str, str, str]]  # (grid, household number, address)


def cadre_lists(cadre: str = "") -> list[CadreList]:
    """Each cadre's households (only `cadre`'s — an id or a name — when given)."""
    query = (
        Responsibility.select(Responsibility, Person, Household)
        .join(Person)
        .switch(Responsibility)
        .join(Household)
        .order_by(Person.name, Person.id, Household.grid, Household.code)
    )
    if cadre:
        query = query.where((Person.id == cadre) | (Person.name == cadre))
    lists: dict[str, CadreList] = {}
    for row in query:
        person, household = row.person, row.household
        entry = lists.setdefault(person.id, CadreList(person.id, person.name, []))
        entry.households.append((household.grid_code, household.code, household.address))
    return list(lists.values())
