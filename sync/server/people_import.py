"""`fieldapp admin import-people-registry FILE`: households and people from CSV or XLSX.

All or nothing, as the other imports: every row is checked first and every problem is
reported with its row number and column; only a clean file is written, in one
transaction, with its feed entries and one audit entry. Rows are grouped into households
by grid and household number (户号); a person whose ID number the server already holds is
updated in place, not added twice. ID numbers and phones are sealed before they are
written; the file itself is the administrator's to delete.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

from fieldapp.domain import personal
from fieldapp.domain.clock import today
from fieldapp.domain.free_text import text_fault
from fieldapp.domain.ids import new_id
from fieldapp.domain.registry import (
    EARLIEST_BIRTH_YEAR,
    PERSON_TAGS,
    TAG_ALIASES,
    birth_year_problem,
    date_not_come,
    holds_id_or_phone,
    left_before_arrived,
    sex_of,
)
from sync.protocol.people import HouseholdUpsert, MemberPayload, VehiclePayload
from sync.server import db as server_db
from sync.server import headers
from sync.server.feed import append_changes
from sync.server.grid_codes import name_stored_grids
from sync.server.models import Grid
from sync.server.office_time import office_today
from sync.server.people import IMPORTED, audit, cipher, household_change, write_household
from sync.server.people_models import Household, HouseholdMember, Vehicle
from sync.server.records import venues_by_code
from sync.server.tables import (
    ImportRefused,
    Row,
    RowError,
    check_lengths,
    check_phone,
    no_grid,
    read_table,
    wire_max,
)
from sync.server.venue_cells import Names, invert

COLUMNS = (
    "grid, household (户号), name; optional: building, address, venue (code), sex, "
    "birth_year, id_number, phone, tags (separated by ; or spaces), arrived_on, left_on, plate"
)
TAG_SPLIT = re.compile(r"[;,，；、\s]+")
# A tag by code or by the name the app shows it (租户/流动人口, the ledger's too) or a short one.
TAGS = Names(PERSON_TAGS, ("tag", "ledger.tag"), invert(TAG_ALIASES))
# The wire's bounds: an import never holds what a device could not send back.
# A household's own fields: every row of one household must give the same value or none.
HOUSEHOLD_FIELDS = ("building", "address", "venue")
TEXT_MAX = {
    "household": wire_max(HouseholdUpsert, "code"),
    "building": wire_max(HouseholdUpsert, "building"),
    "address": wire_max(HouseholdUpsert, "address"),
    "name": wire_max(MemberPayload, "name"),
    "plate": wire_max(VehiclePayload, "plate"),
}
# Columns judged by the free-text rule the device's form asks (free_text.RULES), whose
# bound is no wider than the wire's: no emoji or control characters in a 户号 or 楼栋.
TEXT_RULED = {
    "name": "person_name",
    "address": "household_address",
    "household": "household_code",
    "building": "household_building",
}


def _date(row: Row, column: str, errors: list[RowError]) -> str | None:
    text = row.get(column)
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        errors.append(RowError(row.number, column, "import.not_date", {"value": text}))
        return None
    if date_not_come(day, office_today()):  # the device form's rule
        errors.append(RowError(row.number, column, "import.date_not_come", {"value": text}))
    return day.isoformat()


def _member(row: Row, errors: list[RowError], this_year: int) -> dict[str, Any]:
    n = row.number
    if not row.get("name"):
        errors.append(RowError(n, "name", "import.name_empty"))
    for column, rule in TEXT_RULED.items():  # an empty one: said above or in the caller
        if row.get(column) and (wrong := text_fault(rule, row.get(column))) is not None:
            errors.append(RowError(n, column, *wrong))
    for column in ("name", "address"):  # the device form's rule: it would show unmasked
        if holds_id_or_phone(row.get(column)):
            errors.append(RowError(n, column, "import.number_in_text"))
    # The ruled columns' own rules above say their length, as the device form does.
    check_lengths(errors, row, {c: most for c, most in TEXT_MAX.items() if c not in TEXT_RULED})
    sex = sex_of(row.get("sex"))
    if sex is None:
        errors.append(RowError(n, "sex", "import.bad_sex", {"value": row.get("sex")}))
    year: int | None = None
    typed_year: int | None = None  # a birth year the file gives that is one: held to the ID
    if row.get("birth_year"):
        try:
            year = int(row.get("birth_year"))
        except ValueError:
            errors.append(RowError(n, "birth_year", "import.birth_year_not_number"))
        else:
            if birth_year_problem(year, this_year):
                span = {"earliest": EARLIEST_BIRTH_YEAR, "latest": this_year}
                errors.append(RowError(n, "birth_year", "import.birth_year_range", span))
            else:
                typed_year = year
    id_number = personal.normalize_id_number(row.get("id_number"))
    # The device form's and the sync op's rule: the number, then a sex or year it contradicts.
    for column, fault in personal.id_number_faults(id_number, sex or "", typed_year):
        errors.append(RowError(n, column, f"people.bad_id_number.{fault}"))
    if id_number and not row.get("birth_year"):
        year = personal.birth_year_of(id_number)
    phone = check_phone(errors, row, problem="people.bad_phone")  # worded as the ID number's
    tags = []
    for text in (t for t in TAG_SPLIT.split(row.get("tags")) if t):
        tag = TAGS.find(text)
        if not tag:
            errors.append(RowError(n, "tags", "import.not_tag", TAGS.listed(text)))
        elif tag not in tags:
            tags.append(tag)
    arrived_on, left_on = _date(row, "arrived_on", errors), _date(row, "left_on", errors)
    if (
        arrived_on
        and left_on
        and left_before_arrived(*map(dt.date.fromisoformat, (arrived_on, left_on)))
    ):  # the device form's rule
        errors.append(RowError(n, "left_on", "people.left_before_arrived"))
    return {
        "name": row.get("name"),
        "sex": sex or "",
        "birth_year": year,
        "clear_id_number": id_number,
        "clear_phone": phone,
        "tags": sorted(tags, key=PERSON_TAGS.index),
        "arrived_on": arrived_on,
        "left_on": left_on,
    }


def _household_conflicts(code: str, rows: list[Row]) -> list[RowError]:
    """A building, address or venue that rows of one household give differently: only
    one could be kept, so each later row that differs from the first to give one is an
    error naming both rows and both values (an empty cell agrees with any)."""
    errors: list[RowError] = []
    for column in HOUSEHOLD_FIELDS:
        first: Row | None = None
        for row in rows:
            value = _household_cell(row, column)
            if not value:
                continue
            if first is None:
                first = row
            elif value != _household_cell(first, column):
                values = {"household": code, "other": first.number,
                          "first": _household_cell(first, column), "value": value}  # fmt: skip
                errors.append(RowError(row.number, column, "import.household_differs", values))
    return errors


def _household_cell(row: Row, column: str) -> str:
    return row.get(column).upper() if column == "venue" else row.get(column)  # codes: upper


def import_people_registry(path: Path | str) -> int:
    """Import the file; returns the number of people written."""
    table = read_table(path, ("grid", "household", "name"), headers.REGISTRY)
    rows = table.rows
    name_stored_grids(rows, "grid")  # v1 is the grid V1
    errors: list[RowError] = list(table.problems)
    grids = {g.code for g in Grid.select(Grid.code)}
    venues = venues_by_code({row.get("venue").upper() for row in rows} - {""})  # codes: upper
    seal = cipher()
    this_year = office_today().year  # the office's year, not the host's
    seen_ids: dict[str, int] = {}
    groups: dict[tuple[str, str], list[tuple[Row, dict[str, Any]]]] = {}
    for row in rows:
        grid, code = row.get("grid"), row.get("household")
        if grid not in grids:
            errors.append(no_grid(row, "grid", grid))
        if not code:
            errors.append(RowError(row.number, "household", "import.household_empty"))
        venue = row.get("venue").upper()
        if venue and venues.get(venue, ("", ""))[1] != grid:
            errors.append(
                RowError(row.number, "venue", "import.no_venue", {"venue": venue, "grid": grid})
            )
        member = _member(row, errors, this_year)
        if member["clear_id_number"]:
            if member["clear_id_number"] in seen_ids:
                other = seen_ids[member["clear_id_number"]]
                errors.append(
                    RowError(row.number, "id_number", "import.same_id_number", {"other": other})
                )
            seen_ids[member["clear_id_number"]] = row.number
        groups.setdefault((grid, code), []).append((row, member))
    for (_grid, code), members in groups.items():
        errors.extend(_household_conflicts(code, [row for row, _member in members]))
    if errors:
        raise ImportRefused(
            Path(path).name, sorted(errors, key=lambda e: e.row), headers=table.headers
        )
    with server_db.write_transaction():
        changes = []
        held = Counter[str]()  # households and people held already, which the file updates
        for (grid, code), members in groups.items():
            written = _write_group(seal, grid, code, members, venues, held)
            changes.append(household_change(written))
        # The office's edits, one entry for the run (not one per person as a device's).
        audit(None, IMPORTED, Path(path).name, people=len(rows), households=len(groups),
              people_updated=held["people"], households_updated=held["households"])  # fmt: skip
        append_changes(changes)
    return len(rows)


def _write_group(
    seal: personal.PersonalCipher,
    grid: str,
    code: str,
    members: list[tuple[Row, dict[str, Any]]],
    venues: dict[str, tuple[str, str]],
    held_already: Counter[str],
) -> Household:
    # Each field as the household's rows give it (they agree: `_household_conflicts`).
    given = {
        column: next((v for row, _m in members if (v := _household_cell(row, column))), "")
        for column in HOUSEHOLD_FIELDS
    }
    held = Household.get_or_none((Household.grid == grid) & (Household.code == code))
    household_id = held.id if held is not None else new_id()
    held_already["households"] += held is not None
    values = {
        "id": household_id,
        "grid": grid,
        "code": code,
        "building": given["building"] or (held.building if held else ""),
        "address": given["address"] or (held.address if held else ""),
        "venue_id": venues[given["venue"]][0] if given["venue"] else None,
        "updated_at": server_db.now_iso(),
        "updated_by": "admin",
    }
    rows: list[dict[str, Any]] = []
    plates: list[dict[str, Any]] = []
    registered_on = today().isoformat()  # a person already held keeps theirs (write_household)
    for row, member in members:
        clear_id, clear_phone = member.pop("clear_id_number"), member.pop("clear_phone")
        id_lookup = seal.lookup(clear_id)
        existing = (
            HouseholdMember.get_or_none(HouseholdMember.id_lookup == id_lookup)
            if id_lookup
            else None
        )
        member_id = existing.id if existing is not None else new_id()
        held_already["people"] += existing is not None
        member.update(
            id=member_id,
            id_number=seal.seal(clear_id, field=personal.ID_NUMBER_FIELD, owner=member_id),
            id_lookup=id_lookup,
            phone=seal.seal(clear_phone, field=personal.PHONE_FIELD, owner=member_id),
            phone_lookup=seal.lookup(clear_phone),
            registered_on=registered_on,
            updated_by="admin",
        )
        rows.append(member)
        plate = row.get("plate").upper()
        known = Vehicle.get_or_none((Vehicle.household == household_id) & (Vehicle.plate == plate))
        if plate and known is None and plate not in [p["plate"] for p in plates]:
            plates.append({"id": new_id(), "plate": plate, "kind": "", "note": ""})
    return write_household(values, rows, plates)
