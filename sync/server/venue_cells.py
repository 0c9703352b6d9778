"""A venue row's cells as the server holds them: the kind and risk level by code or by
the name the app shows (出租房 → rental_housing, 高 → high), the phone checked as the
people registry checks it, the coordinates and the attribute columns.

Each check appends a `RowError` for a bad cell and returns what is to be written.
`Names` reads the grids' levels, the staff's roles and the checkpoints' kinds and forms
by name too (村, 网格员, 消火栓).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from fieldapp.domain.checklist import MAX_INSTANCES
from fieldapp.domain.checkpoint_forms import CHECKPOINT_KINDS, FORMS
from fieldapp.domain.expr_types import BOOL, VENUE_ATTRIBUTES
from fieldapp.domain.kinds import RISK_LEVELS, ROLES
from fieldapp.domain.office import NotWhole, attribute_value
from fieldapp.i18n import t, venue_kinds
from fieldapp.i18n.catalog_placard import CHECKPOINT_LEDGER_ZH
from fieldapp.i18n.choice_names import KIND_PREFIXES, ChoiceNames
from sync.server.models import Checklist
from sync.server.office import known_kinds, known_levels, publish_names
from sync.server.tables import Row, RowError


class Names(ChoiceNames):
    """`ChoiceNames` (a code by its code or its names) that reads an import row's cell."""

    def code(self, errors: list[RowError], row: Row, column: str, key: str, empty: str = "") -> str:
        """The code the cell names, or "" with an error (`key`) listing the choices; an
        empty cell is `empty` when it has one."""
        value = row.get(column)
        if not value and empty:
            return empty
        found = self.find(value)
        if not found:
            errors.append(RowError(row.number, column, key, self.listed(value)))
        return found


def kind_names() -> Names:
    """The shipped kinds and the office's, by code or by name (the office's kinds' names
    put in the catalogues first, as the office's placards name them)."""
    publish_names()
    return Names(known_kinds(), KIND_PREFIXES, venue_kinds.LEDGER_ZH)


def risk_level_names() -> Names:
    return Names(RISK_LEVELS, ("risk_level",))


def level_names() -> Names:
    """The grid levels by code, by the name the app shows (村（社区）网格, the office's
    own levels' names) or by the short name a ledger writes (村)."""
    publish_names()
    return Names(known_levels(), ("grid_level", "grid_level_short"))


def role_names() -> Names:
    return Names(ROLES, ("role",))


def checkpoint_kind_names() -> Names:
    """A checkpoint's kind by code, by the name its placard shows (消火栓, 村（屯）出入口)
    or by one a ledger writes (村口, 消防栓)."""
    return Names(CHECKPOINT_KINDS, ("placard.checkpoint.kind",), CHECKPOINT_LEDGER_ZH)


def form_names() -> Names:
    """A checkpoint's short form, named as the kind it is made for (消火栓: hydrant)."""
    return Names(tuple(FORMS), ("placard.checkpoint.kind",), CHECKPOINT_LEDGER_ZH)


# A coordinate's bound and the example its refusal gives (a latitude and a longitude here).
COORDINATES = {"lat": (90.0, "26.08"), "lon": (180.0, "117.68")}


def coordinate(errors: list[RowError], row: Row, column: str) -> None:
    """An optional WGS-84 coordinate (lat or lon) in decimal degrees, within its bound."""
    limit, example = COORDINATES[column]
    text = row.get(column)
    if not text:
        return
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not -limit <= value <= limit:  # NaN fails this too
        errors.append(
            RowError(
                row.number,
                column,
                "import.bad_coordinate",
                {"value": text, "limit": f"{limit:g}", "example": example},
            )
        )


def venue_attributes(errors: list[RowError], row: Row) -> dict[str, bool | float]:
    """The venue attributes of a row: a column per attribute (has_gas, rooms…), an
    empty cell not recorded."""
    found: dict[str, bool | float] = {}
    for name in VENUE_ATTRIBUTES:
        try:
            value = attribute_value(name, row.get(name))
        except ValueError as error:
            flag = VENUE_ATTRIBUTES[name] == BOOL
            problem = "import.not_yes_no" if flag else "import.not_count"
            if not flag and _below_zero(row.get(name)):  # a number, though not one to count
                problem = "import.count_below_zero"
            if isinstance(error, NotWhole):  # 12.5 rooms: the checklist would ask 12
                problem = "import.count_not_whole"
            errors.append(RowError(row.number, name, problem, {"value": row.get(name)}))
            continue
        if value is not None:
            found[name] = value
    return found


VENUE_COUNT = re.compile(r"\bvenue\.(\w+)")  # a repeat over a venue's count: venue.rooms


def repeated_counts() -> dict[str, set[str]]:
    """By kind, the venue counts a published checklist of it asks a section once for each
    of (repeat = "venue.rooms"): a device asks at most MAX_INSTANCES of them."""
    found: dict[str, set[str]] = {}
    for checklist in Checklist.select(Checklist.kinds, Checklist.body):
        sections = (checklist.body or {}).get("sections", ())
        counts = {n for s in sections for n in VENUE_COUNT.findall(s.get("repeat") or "")}
        for kind in checklist.kinds or ():
            found.setdefault(kind, set()).update(counts)
    return found


def counts_covered(
    errors: list[RowError], row: Row, kind: str, found: Mapping[str, object], repeated: set[str]
) -> None:
    """Refuse a count the kind's checklist repeats a section over beyond what a device
    asks (81 rooms: rooms 61 to 81 would never be checked)."""
    for name in sorted(repeated):
        value = found.get(name)
        if isinstance(value, int | float) and value > MAX_INSTANCES:
            named = t(f"kind.{kind}")  # the office's kinds named in the catalogues already
            values = {"value": row.get(name), "kind": named, "limit": MAX_INSTANCES}
            errors.append(RowError(row.number, name, "import.count_beyond_checklist", values))


def _below_zero(text: str) -> bool:
    try:
        return float(text) < 0
    except ValueError:
        return False


def invert(names: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """A name → code table as `Names` takes it: each code's names."""
    found: dict[str, tuple[str, ...]] = {}
    for name, code in names.items():
        found[code] = (*found.get(code, ()), name)
    return found
