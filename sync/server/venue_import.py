"""`fieldapp admin import-venues`: venues from a CSV or XLSX file, all or nothing.

Every row is checked first; only a clean file is written, in one transaction, with its
pull-feed entries. The result says how many rows were new venues, how many changed
venues the server held already (by id or code), so a file that renames a venue says so,
and how many matched a venue as it is: those are left alone (no new stamp, no feed
entry), so importing the same file again sends devices nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from peewee import EXCLUDED

from fieldapp.domain.expr_types import VENUE_ATTRIBUTES
from fieldapp.domain.ids import new_id
from fieldapp.domain.text_bounds import VENUE_TEXT_MAX
from fieldapp.i18n import t
from sync.server import audit, headers
from sync.server import db as server_db
from sync.server.admin import check_code, check_placard_code
from sync.server.feed import append_changes
from sync.server.grid_codes import name_stored_grids
from sync.server.models import Grid, Venue
from sync.server.patrol_models import Checkpoint
from sync.server.records import venue_record_change, venue_records
from sync.server.tables import (
    ImportRefused,
    RowError,
    check_lengths,
    check_phone,
    no_grid,
    read_table,
)
from sync.server.venue_cells import (
    coordinate,
    counts_covered,
    kind_names,
    repeated_counts,
    risk_level_names,
    venue_attributes,
)

WRITE_BATCH = 500  # venues a statement writes (SQLite takes up to 32766 parameters)
SAY_EVERY = 5000  # venues written between two lines of progress
VENUE_COLUMNS = (
    "name",
    "kind",
    "address",
    "grid",
    "contact",
    "phone",
    "risk_level",
    "placard_key_id",
)


@dataclass(frozen=True)
class VenuesImported:
    new: int  # rows that made a venue the server did not hold
    updated: int  # rows that changed a venue it held (by id or code)
    unchanged: int = 0  # rows the venue it held already matched: left alone

    @property
    def count(self) -> int:
        return self.new + self.updated + self.unchanged


def import_venues(path: Path | str, say: Callable[[str], None] | None = None) -> VenuesImported:
    """`say`, when given, is told when the file is checked and as each batch is written."""
    tell = say or (lambda line: None)
    table = read_table(path, ("code", "name", "kind", "grid"), headers.VENUES)
    rows = table.rows
    name_stored_grids(rows, "grid")  # v1 is the grid V1
    errors: list[RowError] = list(table.problems)
    seen: dict[str, int] = {}
    known = {g.code for g in Grid.select(Grid.code)}
    # Codes are upper case, as devices and placards compare them (tst-0009 is TST-0009):
    # one written in another case is the same venue, in the file and on the server.
    by_code = {v.code.upper(): v.id for v in Venue.select(Venue.code, Venue.id)}
    held = set(by_code.values())
    checkpoint_codes = {c.code.upper() for c in Checkpoint.select(Checkpoint.code)}
    kinds, risks, repeated = kind_names(), risk_level_names(), repeated_counts()
    cells: dict[int, dict[str, object]] = {}  # row number -> its cells as written
    named = {axis: table.headers.get(axis, axis) for axis in ("lat", "lon")}  # 纬度, 经度
    for row in rows:
        code = row.get("code").upper()
        check_code(errors, row, code, seen, by_code, what="venue")
        check_placard_code(errors, row, code)
        if code in checkpoint_codes:
            errors.append(RowError(row.number, "code", "import.checkpoint_code", {"code": code}))
        if not row.get("name"):
            errors.append(RowError(row.number, "name", "import.name_empty"))
        check_lengths(errors, row, VENUE_TEXT_MAX)
        kind, attributes = (
            kinds.code(errors, row, "kind", "import.not_kind"),
            venue_attributes(errors, row),
        )
        counts_covered(errors, row, kind, attributes, repeated.get(kind, set()))
        cells[row.number] = {
            "kind": kind,
            "risk_level": risks.code(errors, row, "risk_level", "import.not_risk_level", "normal"),
            "phone": check_phone(errors, row),
            "attributes": attributes,
        }
        if row.get("grid") not in known:
            errors.append(no_grid(row, "grid", row.get("grid")))
        coordinate(errors, row, "lat")
        coordinate(errors, row, "lon")
        if bool(row.get("lat")) != bool(row.get("lon")):  # at the empty one, named as written
            empty = "lon" if row.get("lat") else "lat"
            errors.append(RowError(row.number, empty, "import.lat_lon_pair", named))
    if errors:
        raise ImportRefused(Path(path).name, errors, headers=table.headers)
    tell(t("admin.import_venues.checked", count=len(rows)))
    stamp = server_db.now_iso()
    new = unchanged = 0
    # the venues as held, to leave alone the rows that would not change them
    held_rows = cast("Iterable[dict[str, object]]", Venue.select().dicts())
    stored = {str(v["id"]): v for v in held_rows}
    written: dict[tuple[str, ...], list[dict[str, object]]] = {}  # by the columns written
    for row in rows:
        vid = row.get("id") or by_code.get(row.get("code").upper()) or new_id()
        new += vid not in held
        values: dict[str, object] = {c: row.get(c) for c in VENUE_COLUMNS}
        values.update({c: cells[row.number][c] for c in ("kind", "risk_level", "phone")})
        values["placard_key_id"] = values["placard_key_id"] or None
        values["code"] = row.get("code").upper()
        for axis in ("lat", "lon"):  # optional columns: a sheet without them keeps them
            if axis in row.values:
                values[axis] = float(row.get(axis)) if row.get(axis) else None
        if any(name in row.values for name in VENUE_ATTRIBUTES):  # else kept as they are
            values["attributes"] = cells[row.number]["attributes"]
        if _same(stored.get(vid), values):
            unchanged += 1  # no new stamp, no feed entry: devices download nothing
            continue
        update = {"id": vid, **values, "updated_at": stamp}
        written.setdefault(tuple(update), []).append(update)
    # One transaction still (all or nothing), but a statement per WRITE_BATCH venues and
    # their feed records read back as rows: a row at a time, with a read of each written
    # venue as a model, held SQLite's write lock for 90 s on 50,000 venues, and every
    # device's sync waited behind it until it failed (503).
    to_write, said_at = len(rows) - unchanged, 0
    with server_db.write_transaction():
        changes = []
        for columns, venues in written.items():
            kept = {getattr(Venue, c): EXCLUDED[getattr(Venue, c).column_name] for c in columns}
            for start in range(0, len(venues), WRITE_BATCH):
                batch = venues[start : start + WRITE_BATCH]
                Venue.insert_many(batch).on_conflict(
                    conflict_target=[Venue.id], update=kept
                ).execute()
                ids = [str(venue["id"]) for venue in batch]
                changes += [venue_record_change(record) for record in venue_records(ids)]
                if len(changes) - said_at >= SAY_EVERY or len(changes) == to_write:
                    tell(t("admin.import_venues.written", done=len(changes), total=to_write))
                    said_at = len(changes)
        audit.record(audit.VENUES_IMPORTED, subject=Path(path).name, detail={"rows": len(rows)})
        append_changes(changes)
    return VenuesImported(new=new, updated=len(rows) - new - unchanged, unchanged=unchanged)


def _same(held: dict[str, object] | None, values: dict[str, object]) -> bool:
    """The venue the server holds already has every value the row would write."""
    return held is not None and all(held.get(name) == value for name, value in values.items())
