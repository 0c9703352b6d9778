"""A household and its members as the people screens show them: masked values only (the
ID number and phone as `fieldapp.domain.personal.mask_*` shows them); opening one is
`reveal.reveal`, audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class MemberView:
    id: str
    household_id: str
    name: str
    sex: str
    birth_year: int | None
    id_number: str  # masked
    phone: str  # masked
    tags: tuple[str, ...]
    arrived_on: dt.date | None
    left_on: dt.date | None
    note: str
    registered_on: dt.date | None = None  # None: registered before the date was kept


@dataclass(frozen=True)
class HouseholdView:
    id: str
    grid_code: str
    code: str
    building: str
    address: str
    venue_id: str | None
    note: str
    members: tuple[MemberView, ...]
    vehicles: tuple[tuple[str, str, str], ...]  # id, plate, kind
    cadres: tuple[str, ...] = ()  # 包保: the names of the cadres responsible for it


@dataclass(frozen=True)
class MatchCount:
    """How many people and households a search of the registry matches in all (a list
    shows at most its first households)."""

    people: int  # who live there now
    households: int
    moved_out: int = 0  # people who moved out (离开日期 today or before), not in `people`
