"""Who may see and write what: a person's grids include all their descendant grids.

The grid tree is walked in SQL (recursive CTEs work the same on SQLite and PostgreSQL),
so a district supervisor's thousands of grids never travel through Python per request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sync.protocol import refusals
from sync.server import db as server_db

ADMIN = "admin"
SUPERVISOR_ROLES = frozenset({"supervisor", "admin"})


@dataclass(frozen=True)
class DeviceContext:
    """The authenticated caller of a request: a device acting for one person."""

    device_id: str
    person_id: str
    person_name: str
    role: str
    last_seen_at: str | None = None  # as stored when the request came in

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    @property
    def is_supervisor(self) -> bool:
        return self.role in SUPERVISOR_ROLES


def _p() -> str:
    return "%s" if server_db.is_postgres() else "?"


def scope_cte(person: str = "", ahead: str = "") -> str:
    """`down`: the person's grids and their descendants; `up`: their ancestors. The
    person is the two parameters, or the SQL expression `person` (on a CTE of its own
    that `ahead` defines, e.g. "me AS (…), ")."""
    p = person or _p()
    return (
        f"WITH RECURSIVE {ahead}down(code) AS ("
        f" SELECT grid_code FROM person_grid WHERE person_id = {p}"
        " UNION SELECT g.code FROM grid g JOIN down d ON g.parent_code = d.code),"
        " up(code) AS ("
        " SELECT g.parent_code FROM grid g"
        f" JOIN person_grid pg ON pg.grid_code = g.code AND pg.person_id = {p}"
        " WHERE g.parent_code IS NOT NULL"
        " UNION SELECT g.parent_code FROM grid g JOIN up u ON g.code = u.code"
        " WHERE g.parent_code IS NOT NULL) "
    )


def grids_in_scope(person_id: str) -> set[str]:
    sql = scope_cte() + "SELECT code FROM down"
    cursor = server_db.current().execute_sql(sql, (person_id, person_id))
    return {row[0] for row in cursor.fetchall()}


def responsible_sql() -> str:
    """The ids of the households a person (the one parameter) is 包保 cadre of."""
    return f"SELECT household_id FROM responsibility WHERE person_id = {_p()}"


def responsible_grids_sql() -> str:
    """The grids of those households (a cadre's device needs them to hold the households)."""
    return (
        "SELECT h.grid_code FROM household h JOIN responsibility r ON r.household_id = h.id"
        f" WHERE r.person_id = {_p()}"
    )


def households_outside_grids(person_id: str) -> list[str]:
    """The households the person is responsible for outside their grids, by id."""
    sql = scope_cte() + (
        "SELECT h.id FROM household h JOIN responsibility r ON r.household_id = h.id"
        f" WHERE r.person_id = {_p()} AND h.grid_code NOT IN (SELECT code FROM down)"
        " ORDER BY h.id"
    )
    cursor = server_db.current().execute_sql(sql, (person_id, person_id, person_id))
    return [str(row[0]) for row in cursor.fetchall()]


def is_responsible(who: DeviceContext, household_id: str) -> bool:
    """Whether the person is one of the household's 包保 cadres."""
    cursor = server_db.current().execute_sql(
        responsible_sql() + f" AND household_id = {_p()}", (who.person_id, household_id)
    )
    return cursor.fetchone() is not None


def may_write_household(who: DeviceContext, household_id: str, grid_code: str) -> bool:
    """Whether the person may write the records of a household of `grid_code`: those of
    their grids, and those they are responsible for (包保) wherever they are."""
    return may_write_grid(who, grid_code) or is_responsible(who, household_id)


def may_write_grid(who: DeviceContext, grid_code: str) -> bool:
    """Whether the person may write records of `grid_code` (admins write everywhere)."""
    if who.is_admin:
        return True
    p = _p()
    sql = scope_cte() + f"SELECT 1 FROM down WHERE code = {p}"
    cursor = server_db.current().execute_sql(sql, (who.person_id, who.person_id, grid_code))
    return cursor.fetchone() is not None


def outside_grid_reason(who: DeviceContext, grid_code: str, what: str) -> refusals.Reason:
    """The refusal's text, coded (`refusals.Reason`): `ValueError(outside_grid_reason(…))`
    reaches the device as `outside_grid` with the grid (and its name, for the person)."""
    return refusals.outside_grid(
        what, grid_code, who.person_name, who.person_id, grid_name=_grid_name(grid_code)
    )


def _grid_name(grid_code: str) -> str:
    cursor = server_db.current().execute_sql(
        f"SELECT name FROM grid WHERE code = {_p()}", (grid_code,)
    )
    row = cursor.fetchone()
    return str(row[0]) if row else ""


def require_grid(who: DeviceContext, grid_code: str, what: str) -> None:
    """A record of a grid the server knows and the person may write."""
    cursor = server_db.current().execute_sql(
        f"SELECT 1 FROM grid WHERE code = {_p()}", (grid_code,)
    )
    if cursor.fetchone() is None:
        raise refusals.unknown_grid(grid_code)
    if not may_write_grid(who, grid_code):
        raise refusals.Refusal(outside_grid_reason(who, grid_code, what))


def require_own(who: DeviceContext, person_id: str, what: str) -> None:
    """A device records only the work of its own person."""
    if person_id != who.person_id:
        raise refusals.not_own(what, person_id, who.person_id)


def payload_date(value: str, what: str, named: str) -> str:
    """An ISO date from a payload, or a coded refusal a person can read in their language
    (`what`: one of `refusals.DATES`; `named`: the date in the server's English text)."""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise refusals.not_a_date(what, value, named) from None
