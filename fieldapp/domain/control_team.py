"""A controlled person's plan and its 三包一 team (篇一, domain.md 1.1).

A controlled person (管控对象: a close contact, a Hubei returnee) is isolated for 14 days
with two temperature checks a day, and managed by three parties: one town cadre (镇干部),
at least two 两委 cadres and one medical worker. `shortfall` says who a team still lacks.

Pure: no Peewee, Textual or httpx.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

CONTROLLED_TAG = "controlled"
CONTROLLED_CADENCE = "twice_daily"  # 08:00 and 16:00, for DEFAULT_DAYS (14) days
TEAM_ROLES: tuple[str, ...] = ("town_cadre", "village_cadre", "medical_worker")
# The fewest of each role a team holds.
TEAM_NEEDS: dict[str, int] = {"town_cadre": 1, "village_cadre": 2, "medical_worker": 1}
# Between the people of one field: list separators only. A space is part of one entry
# (卫生院 周丽, the dialog's own example; Wang Jianhua), never between two people.
_SEPARATORS = re.compile(r"[,，、;；]+")


def names_in(text: str) -> list[str]:
    """The names typed in one field: 王五、赵六 or 王五, 赵六 (any of , ，、; ；); spaces
    inside an entry are kept (卫生院 周丽 is one medical worker)."""
    return [" ".join(name.split()) for name in _SEPARATORS.split(text) if name.strip()]


def team_of(names: Mapping[str, Iterable[str]]) -> list[dict[str, str]]:
    """The team as stored and sent: one {"role", "name"} per person, roles in order."""
    return [{"role": role, "name": name} for role in TEAM_ROLES for name in names.get(role, ())]


def shortfall(team: Iterable[Mapping[str, str]]) -> dict[str, int]:
    """How many more of each role the team needs (only the roles it lacks)."""
    held = {role: 0 for role in TEAM_ROLES}
    for member in team:
        if member.get("role") in held and str(member.get("name", "")).strip():
            held[member["role"]] += 1
    return {role: need - held[role] for role, need in TEAM_NEEDS.items() if held[role] < need}
