"""What the people screen shows, read in a worker: my grids' households and what I may do
(`fieldapp.tui.screens.people.load_people`)."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.services.people.registry import HouseholdView
from fieldapp.services.people.responsibilities import Cadre


@dataclass(frozen=True)
class PeopleData:
    households: tuple[HouseholdView, ...]
    grids: tuple[tuple[str, str], ...]  # (name, code) of my grids and those under them
    may_reveal: bool
    cadres: tuple[Cadre, ...] = ()  # 包保: the cadres of my grids' households, mine first
