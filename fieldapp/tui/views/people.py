"""What the people screen shows, read in a worker: my grids' households and what I may do
(`fieldapp.tui.screens.people.load_people`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from fieldapp.domain.clock import today
from fieldapp.services.common.refused_records import RecordRefusal
from fieldapp.services.people.registry import HouseholdView, MemberView
from fieldapp.services.people.registry_views import MatchCount
from fieldapp.services.people.responsibilities import Cadre


@dataclass(frozen=True)
class PeopleData:
    households: tuple[HouseholdView, ...]
    grids: tuple[tuple[str, str], ...]  # (name, code) of my grids and those under them
    may_reveal: bool
    cadres: tuple[Cadre, ...] = ()  # 包保: the cadres of my grids' households, mine first
    # household id -> why the server refused it (created here, the office never had it)
    refused: Mapping[str, RecordRefusal] = field(default_factory=dict)
    count: MatchCount | None = None  # the people and households matched, beyond the list's end


def moved_out(member: MemberView) -> bool:
    """Left on or before today (离开日期): 已迁出, not one of the household's people."""
    return member.left_on is not None and member.left_on <= today()
