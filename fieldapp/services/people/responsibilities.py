"""包保 on the device: the cadres responsible for each household (imported on the server,
pulled with the household) and each cadre's list among my grids' households."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peewee import JOIN, fn

from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.store.db import rows
from fieldapp.store.models import Person
from fieldapp.store.people_models import Household, Responsibility


@dataclass(frozen=True)
class Cadre:
    person_id: str
    name: str  # the person's name, or their id when this device does not know them
    households: int  # of my grids


def cadres_of(household_id: str) -> tuple[str, ...]:
    """The names of the household's cadres."""
    query = (
        Responsibility.select(Responsibility.person_id, Person.name)
        .join(Person, on=(Person.id == Responsibility.person_id), join_type=JOIN.LEFT_OUTER)
        .where(Responsibility.household == household_id)
        .order_by(Responsibility.person_id)
    )
    return tuple(str(name or person_id) for person_id, name in rows(query))


def cadres() -> list[Cadre]:
    """Every cadre with households in my grids, by name: the lists a person can choose."""
    grids = grid_codes_under([code for code, _name in me().grids])
    count = fn.COUNT(Responsibility.household)
    query = (
        Responsibility.select(Responsibility.person_id, Person.name, count)
        .join(Household)
        .switch(Responsibility)
        .join(Person, on=(Person.id == Responsibility.person_id), join_type=JOIN.LEFT_OUTER)
        .where(Household.grid.in_(grids))
        .group_by(Responsibility.person_id, Person.name)
    )
    found = [Cadre(str(pid), str(name or pid), int(n)) for pid, name, n in rows(query)]
    mine = me().person_id
    return sorted(found, key=lambda c: (c.person_id != mine, c.name, c.person_id))


def households_of(person_id: str) -> Any:
    """A subquery of the ids of the households `person_id` is responsible for."""
    return Responsibility.select(Responsibility.household).where(
        Responsibility.person_id == person_id
    )
