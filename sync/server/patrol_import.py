"""`fieldapp admin import-checkpoints` and `import-routes`: patrols from the office's sheets.

Like every import (`sync.server.admin`): CSV or XLSX, every row checked first, every
problem reported with its row and column, and only a clean file written, in one
transaction, with its pull-feed entries. Checkpoint codes share the placard's code space
with venues (a scanned placard names one place), so a code may not be a venue's.

A route patrols from its `starts_on` date (YYYY-MM-DD): windows before it are neither due
nor missed. A row without one keeps the date of a route already held, and a new route
starts on the day it is imported — the office's day (`FIELDAPP_OFFICE_TZ`), not the
server's: an import at 23:30 UTC on 12-05 is made on 12-06 in Shanghai.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fieldapp.domain.checkpoint_forms import DEFAULT_FORM
from fieldapp.domain.ids import new_id
from fieldapp.domain.patrols import (
    Schedule,
    ScheduleError,
    parse_days,
    parse_windows,
)
from sync.server import audit, headers
from sync.server import db as server_db
from sync.server.admin import check_code, check_placard_code, grids_of
from sync.server.admin_models import Campaign
from sync.server.feed import NewChange, append_changes
from sync.server.grid_codes import GRID_SPLIT, name_stored_grids
from sync.server.models import Grid, Person
from sync.server.office_time import office_today
from sync.server.patrol_models import Checkpoint, PatrolRoute
from sync.server.person_ids import name_stored_people
from sync.server.placard_keys import grids_under
from sync.server.records import venues_by_code
from sync.server.tables import ImportRefused, Row, RowError, check_phone, no_grid, read_table
from sync.server.venue_cells import checkpoint_kind_names, coordinate, form_names

CHECKPOINTS_IMPORTED = "checkpoints.imported"
ROUTES_IMPORTED = "patrol_routes.imported"
_YES = ("1", "yes", "y", "true", "是", "按顺序", "ordered")
_NO = ("", "0", "no", "n", "false", "否", "不限顺序", "any")


def checkpoint_change(checkpoint: Checkpoint) -> NewChange:
    record = {
        "id": checkpoint.id, "code": checkpoint.code, "name": checkpoint.name,
        "kind": checkpoint.kind, "address": checkpoint.address, "grid": checkpoint.grid_code,
        "contact": checkpoint.contact, "phone": checkpoint.phone, "form": checkpoint.form,
        "lat": checkpoint.lat, "lon": checkpoint.lon, "updated_at": checkpoint.updated_at,
    }  # fmt: skip
    return NewChange("checkpoint", checkpoint.id, record, grid_code=checkpoint.grid_code)


def route_change(route: PatrolRoute) -> NewChange:
    record = {
        "id": route.id, "code": route.code, "name": route.name, "grid": route.grid_code,
        "campaign": route.campaign, "starts_on": route.starts_on, "ordered": route.ordered,
        "checkpoints": route.checkpoints, "schedule": route.schedule, "team": route.team,
        "people": route.people, "active": route.active, "updated_at": route.updated_at,
    }  # fmt: skip
    return NewChange("patrol_route", route.id, record, grid_code=route.grid_code)


def import_checkpoints(path: Path | str) -> int:
    table = read_table(path, ("code", "name", "kind", "grid"), headers.CHECKPOINTS)
    rows = table.rows
    name_stored_grids(rows, "grid")  # v1 is the grid V1
    errors: list[RowError] = list(table.problems)
    known = {g.code for g in Grid.select(Grid.code)}
    by_code = {c.code: c.id for c in Checkpoint.select(Checkpoint.code, Checkpoint.id)}
    venue_codes = venues_by_code({row.get("code").upper() for row in rows})
    seen: dict[str, int] = {}
    kinds, forms = checkpoint_kind_names(), form_names()
    cells: dict[int, dict[str, str]] = {}  # row number -> its kind and form, as codes
    for row in rows:
        code = row.get("code").upper()
        check_code(errors, row, code, seen, by_code, what="checkpoint")
        check_placard_code(errors, row, code)
        if code in venue_codes:
            errors.append(RowError(row.number, "code", "import.venue_code", {"code": code}))
        check_phone(errors, row)
        if not row.get("name"):
            errors.append(RowError(row.number, "name", "import.name_empty"))
        kind = kinds.code(errors, row, "kind", "import.not_checkpoint_kind")
        form = DEFAULT_FORM.get(kind, "")  # an empty cell: the kind's own form, if any
        if row.get("form"):
            form = forms.code(errors, row, "form", "import.not_form")
        cells[row.number] = {"kind": kind, "form": form}
        if row.get("grid") not in known:
            errors.append(no_grid(row, "grid", row.get("grid")))
        coordinate(errors, row, "lat")
        coordinate(errors, row, "lon")
    if errors:
        raise ImportRefused(Path(path).name, errors, headers=table.headers)
    stamp = server_db.now_iso()
    with server_db.write_transaction():
        changes = []
        for row in rows:
            code = row.get("code").upper()
            cid = row.get("id") or by_code.get(code) or new_id()
            values: dict[str, Any] = {
                c: row.get(c) for c in ("name", "address", "grid", "contact", "phone")
            }
            values.update(cells[row.number], code=code, updated_at=stamp)
            for axis in ("lat", "lon"):
                values[axis] = float(row.get(axis)) if row.get(axis) else None
            Checkpoint.insert(id=cid, **values).on_conflict(
                conflict_target=[Checkpoint.id], update=values
            ).execute()
            changes.append(checkpoint_change(Checkpoint.get_by_id(cid)))
        audit.record(CHECKPOINTS_IMPORTED, subject=Path(path).name, detail={"rows": len(rows)})
        append_changes(changes)
    return len(rows)


def _route_row(
    row: Row, errors: list[RowError], points: dict[str, tuple[str, str]], people: set[str]
) -> dict[str, Any] | None:
    """The route's values from a row (checkpoint codes → ids), or None with its errors."""
    start = len(errors)
    grid = row.get("grid")
    if Grid.get_or_none(Grid.code == grid) is None:
        errors.append(no_grid(row, "grid", grid))
        under: list[str] = []
    else:
        under = grids_under(grid)
    codes = [c.upper() for c in GRID_SPLIT.split(row.get("checkpoints")) if c]
    if not codes:
        errors.append(RowError(row.number, "checkpoints", "import.no_checkpoints"))
    for code in codes:
        if code not in points:
            errors.append(
                RowError(row.number, "checkpoints", "import.no_checkpoint", {"code": code})
            )
        elif under and points[code][1] not in under:
            errors.append(
                RowError(
                    row.number, "checkpoints", "import.outside_grid", {"code": code, "grid": grid}
                )
            )
    if len(set(codes)) != len(codes):
        errors.append(RowError(row.number, "checkpoints", "import.checkpoint_twice"))
    parts: dict[str, Any] = {}
    for column, parse in (("days", parse_days), ("windows", parse_windows)):
        try:  # each said: a bad day does not hide a bad window
            parts[column] = parse(row.get(column))
        except ScheduleError as error:
            errors.append(RowError(row.number, column, error.key, error.values))
    ordered = row.get("ordered").lower()
    if ordered not in _YES + _NO:
        errors.append(RowError(row.number, "ordered", "import.not_yes_no", {"value": ordered}))
    assigned = grids_of(row.get("people"))
    for person in assigned:
        if person not in people:
            errors.append(RowError(row.number, "people", "import.no_person", {"person": person}))
    if not assigned:
        errors.append(RowError(row.number, "people", "import.nobody"))
    campaign = row.get("campaign")
    # A campaign published and not started yet is known: its routes wait until it runs.
    if campaign and not Campaign.select().where(Campaign.code == campaign).exists():
        errors.append(
            RowError(row.number, "campaign", "import.no_campaign", {"campaign": campaign})
        )
    starts_on = row.get("starts_on")
    if starts_on:
        try:
            starts_on = dt.date.fromisoformat(starts_on[:10]).isoformat()
        except ValueError:
            errors.append(
                RowError(row.number, "starts_on", "import.not_date", {"value": starts_on})
            )
    if len(errors) > start:
        return None
    return {
        **({"starts_on": starts_on} if starts_on else {}),  # none: kept, or the import's day
        "name": row.get("name"), "grid": grid, "campaign": campaign,
        "ordered": ordered in _YES, "checkpoints": [points[c][0] for c in codes],
        "schedule": Schedule(**parts).to_dict(), "team": row.get("team"), "people": assigned,
        "active": row.get("active").lower() not in ("0", "no", "false", "否", "停用"),
    }  # fmt: skip


def import_routes(path: Path | str) -> int:
    table = read_table(
        path, ("code", "name", "grid", "checkpoints", "days", "windows", "people"), headers.ROUTES
    )
    rows = table.rows
    name_stored_grids(rows, "grid")
    name_stored_people(rows, "people", many=True)  # p1 is the person P1
    errors: list[RowError] = list(table.problems)
    points = {c.code: (c.id, c.grid_code) for c in Checkpoint.select()}
    people = {p.id for p in Person.select(Person.id)}
    by_code = {r.code: r.id for r in PatrolRoute.select(PatrolRoute.code, PatrolRoute.id)}
    seen: dict[str, int] = {}
    parsed = []
    for row in rows:
        code = row.get("code").upper()
        check_code(errors, row, code, seen, by_code, what="route")
        if not row.get("name"):
            errors.append(RowError(row.number, "name", "import.name_empty"))
        parsed.append((row, code, _route_row(row, errors, points, people)))
    if errors:
        raise ImportRefused(Path(path).name, errors, headers=table.headers)
    stamp, day = server_db.now_iso(), office_today().isoformat()
    with server_db.write_transaction():
        changes = []
        for row, code, values in parsed:
            assert values is not None  # every row checked clean above
            rid = row.get("id") or by_code.get(code) or new_id()
            values = {**values, "code": code, "updated_at": stamp}
            PatrolRoute.insert(id=rid, **{"starts_on": day, **values}).on_conflict(
                conflict_target=[PatrolRoute.id], update=values
            ).execute()
            changes.append(route_change(PatrolRoute.get_by_id(rid)))
        audit.record(ROUTES_IMPORTED, subject=Path(path).name, detail={"rows": len(rows)})
        append_changes(changes)
    return len(rows)
