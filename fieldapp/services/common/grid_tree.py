"""The grid hierarchy (town → village → area) walked in tree order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.services.common.identity import grid_codes_under
from fieldapp.store.db import rows
from fieldapp.store.models import Grid


@dataclass(frozen=True)
class GridNode:
    code: str
    name: str
    level: str
    parent: str | None
    depth: int


def grid_tree(codes: Sequence[str]) -> list[GridNode]:
    """The grids given (with everything under them) in tree order: each grid, then its
    children by code. Roots are the grids whose parent is outside the set."""
    scope = grid_codes_under(list(codes))
    query = Grid.select(Grid.code, Grid.name, Grid.level, Grid.parent).where(Grid.code.in_(scope))
    grids = sorted(rows(query))
    present = {g[0] for g in grids}
    children: dict[str | None, list[tuple[Any, ...]]] = {}
    for g in grids:
        children.setdefault(g[3] if g[3] in present else None, []).append(g)
    ordered: list[GridNode] = []

    def walk(parent: str | None, depth: int) -> None:
        for code, name, level, up in children.get(parent, []):
            ordered.append(GridNode(code, name, level, up, depth))
            walk(code, depth + 1)

    walk(None, 0)
    return ordered


def parent_names(codes: Iterable[str]) -> dict[str, str]:
    """The name of the grid each of `codes` is under, by the code (one query; a root has
    none): a list of venues names a grid by its own name where its column is narrow."""
    child = Grid.alias()
    query = (
        child.select(child.code, Grid.name)
        .join(Grid, on=(child.parent == Grid.code))
        .where(child.code.in_(sorted(set(codes))))
    )
    return {code: name for code, name in rows(query)}


def grid_chains() -> dict[str, list[str]]:
    """The names of each grid and the grids above it, top first, by its code."""
    query = Grid.select(Grid.code, Grid.name, Grid.parent)
    grids = {code: (name, up) for code, name, up in rows(query)}
    chains: dict[str, list[str]] = {}
    for code in grids:
        names: list[str] = []
        at = code
        while at in grids and len(names) <= len(grids):
            names.insert(0, grids[at][0])
            at = grids[at][1]
        chains[code] = names
    return chains


def street_of(address: str, grids: list[str]) -> str:
    """`address` without the names of its grids it starts with (示例镇鼎美村湘洲路215号 in
    示例镇 > 鼎美村 reads 湘洲路215号): every address of a town starts alike, and at 80
    columns its first cells were all the list showed. Whole if nothing else is left."""
    rest = address
    for name in grids:
        rest = rest.removeprefix(name)
    return rest or address
