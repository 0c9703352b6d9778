"""The grid hierarchy on the server: a grid and every grid below it, at any depth."""

from __future__ import annotations

from sync.server import db as server_db
from sync.server.models import Grid


def grids_under(code: str) -> set[str]:
    """`code` and every grid below it, at any depth."""
    children: dict[str, list[str]] = {}
    for row_code, parent in server_db.rows(Grid.select(Grid.code, Grid.parent)):
        if parent:
            children.setdefault(parent, []).append(row_code)
    found, todo = set(), [code]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children.get(current, ()))
    return found
