"""`fieldapp admin import-grids`: the grid tree from a CSV or XLSX file, all or nothing.

Each grid is placed under a parent of a level above its own (镇 → 村 → 网格 → 楼栋, by
depth: the shipped levels first, then the office's by the depth it gave them), checked
against the file and the grids the server holds; a parent loop, a missing parent or a
level placed under one not above it refuses the whole file.

A grid the server held put under another parent takes its venues, and the grids under it,
with it: their hazards not yet closed (销号) are then seen by the new parent's supervisors,
no longer by the old one's. Nothing in the domain forbids that (an office redraws its
grids), so it is imported, and the report says for each such grid how many moved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from peewee import fn

from fieldapp.domain.kinds import GRID_LEVELS
from fieldapp.domain.lifecycle import CLOSED
from fieldapp.i18n import t
from sync.server import audit, headers
from sync.server import db as server_db
from sync.server.feed import append_changes
from sync.server.grid_codes import name_stored_grids
from sync.server.models import Finding, Grid, Venue
from sync.server.office_models import GridLevelRow
from sync.server.records import grid_change
from sync.server.tables import ImportRefused, Row, RowError, also_on_row, read_table
from sync.server.venue_cells import level_names


@dataclass(frozen=True)
class Moved:
    """A grid the server held that the import put under another parent or level."""

    code: str
    name: str
    parent_before: str | None
    level_before: str
    parent: str | None
    level: str
    # The hazards not yet closed in its venues and those of the grids under it, which move
    # with it to another parent (None: the parent is the same, only the level changed).
    open_hazards: int | None = None


@dataclass(frozen=True)
class GridsImported:
    count: int  # rows written
    moved: list[Moved]  # grids held before, now under another parent or at another level


def import_grids(path: Path | str) -> GridsImported:
    table = read_table(path, ("code", "name", "level"), headers.GRIDS)
    rows = table.rows
    name_stored_grids(rows, "code")  # v1 is the grid V1: updated, not a new grid
    name_stored_grids(rows, "parent", also=[row.get("code") for row in rows])
    errors: list[RowError] = list(table.problems)
    seen: dict[str, int] = {}
    parents: dict[str, str] = {}
    levels, level_of = level_names(), {}  # row number -> the level's code
    for row in rows:
        code, name, parent = row.get("code"), row.get("name"), row.get("parent")
        if not code:
            errors.append(RowError(row.number, "code", "import.code_empty.grid"))
            continue
        if code in seen:
            errors.append(also_on_row(row, "code", code, seen[code]))
        seen[code] = row.number
        if not name:
            errors.append(RowError(row.number, "name", "import.name_empty"))
        level_of[row.number] = levels.code(errors, row, "level", "import.not_level")
        if parent:
            parents[code] = parent
    known = {g.code for g in Grid.select(Grid.code)}
    for row in rows:
        parent = row.get("parent")
        if parent and parent not in seen and parent not in known:
            errors.append(RowError(row.number, "parent", "import.no_parent", {"grid": parent}))
        if parent and parent == row.get("code"):
            errors.append(RowError(row.number, "parent", "import.own_parent"))
    _levels_in_order(rows, level_of, seen, errors)
    order = _parents_first(rows, parents, errors)
    if errors:
        raise ImportRefused(
            Path(path).name, sorted(errors, key=lambda e: e.row), headers=table.headers
        )
    held = {g.code: (g.parent_code, g.level) for g in Grid.select()}
    moved = [
        Moved(
            row.get("code"),
            row.get("name"),
            *held[row.get("code")],
            row.get("parent") or None,
            level_of[row.number],
        )  # fmt: skip
        for row in rows
        if row.get("code") in held
        and held[row.get("code")] != (row.get("parent") or None, level_of[row.number])
    ]
    with server_db.write_transaction():
        changes = []
        for row in order:
            values = {
                "name": row.get("name"),
                "level": level_of[row.number],
                "parent": row.get("parent") or None,
            }
            Grid.insert(code=row.get("code"), **values).on_conflict(
                conflict_target=[Grid.code], update=values
            ).execute()
            changes.append(grid_change(Grid.get_by_id(row.get("code"))))
        moved = _with_open_hazards(moved)  # counted in the tree as imported
        audit.record(
            audit.GRIDS_IMPORTED,
            subject=Path(path).name,
            detail={"rows": len(rows), "new": sorted(set(seen) - known)},
        )
        append_changes(changes)
    return GridsImported(len(rows), moved)


def _with_open_hazards(moved: list[Moved]) -> list[Moved]:
    """`moved`, each grid put under another parent with the open hazards that went with
    it: those of the venues in it and in every grid now under it."""
    parted = {m.code for m in moved if m.parent != m.parent_before}
    if not parted:
        return moved
    children: dict[str, list[str]] = {}
    for code, parent in server_db.rows(Grid.select(Grid.code, Grid.parent)):
        children.setdefault(parent or "", []).append(code)
    open_in = dict(
        server_db.rows(
            Venue.select(Venue.grid, fn.COUNT(Finding.id))
            .join(Finding)
            .where(Finding.state != CLOSED)
            .group_by(Venue.grid)
        )
    )

    def under(code: str) -> int:
        return open_in.get(code, 0) + sum(under(child) for child in children.get(code, ()))

    return [replace(m, open_hazards=under(m.code)) if m.code in parted else m for m in moved]


def level_depths() -> dict[str, int]:
    """Each level's depth, 1 the top: the shipped levels in their order (镇 1, 村 2, 网格
    3), then the office's by the depth its levels sheet gave (楼栋 4)."""
    depths = {code: n for n, code in enumerate(GRID_LEVELS, start=1)}
    return {**depths, **{r.code: r.depth for r in GridLevelRow.select()}}


def _levels_in_order(
    rows: list[Row], level_of: dict[int, str], seen: dict[str, int], errors: list[RowError]
) -> None:
    """Refuse a grid under a parent whose level is not above its own (a village under a
    village, a building under a village under a building), the parent's level as the file
    or else the server has it; and a level change that would leave a grid the server holds
    under it (and the file does not move) at a level not below it."""
    depths = level_depths()
    held = {g.code: (g.level, g.parent_code) for g in Grid.select()}
    level_in_file = {code: level_of.get(number, "") for code, number in seen.items()}

    def level(code: str) -> str:
        return level_in_file.get(code) or held.get(code, ("", None))[0]

    for row in rows:
        mine, parent = level_of.get(row.number, ""), row.get("parent")
        if not mine or not parent or not level(parent):
            continue
        if depths.get(level(parent), 0) >= depths.get(mine, 0):
            values = {
                "level": t(f"grid_level.{mine}"),
                "parent": parent,
                "parent_level": t(f"grid_level.{level(parent)}"),
            }
            errors.append(RowError(row.number, "level", "import.level_not_below", values))
    for child, (child_level, held_parent) in held.items():
        number = seen.get(held_parent or "")
        if child in seen or not number or not level_of.get(number):
            continue
        if depths.get(level_of[number], 0) >= depths.get(child_level, 0):
            values = {"child": child, "child_level": t(f"grid_level.{child_level}")}
            errors.append(RowError(number, "level", "import.level_above_child", values))


def _parents_first(rows: list, parents: dict[str, str], errors: list[RowError]) -> list:
    by_code = {r.get("code"): r for r in rows}
    placed: set[str] = set()
    ordered = []

    def place(code: str, trail: tuple[str, ...]) -> None:
        if code in placed or code not in by_code:
            return
        if code in trail:
            errors.append(RowError(by_code[code].number, "parent", "import.parent_loop"))
            return
        parent = parents.get(code)
        if parent:
            place(parent, (*trail, code))
        if code not in placed:
            placed.add(code)
            ordered.append(by_code[code])

    for row in rows:
        place(row.get("code"), ())
    return ordered
