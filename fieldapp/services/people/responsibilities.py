"""包保 on the device: the cadres responsible for each household (imported on the server,
pulled with the household) and each cadre's list among the households I see: those of my
grids and those I am responsible for outside them."""

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
    households: int  # that I see


def cadres_of(household_id: str) -> tuple[str, ...]:
    """The names of the household's cadres."""
    query = (
        Responsibility.select(Responsibility.person_id, Person.name)
        .join(Person, on=(Person.id == Responsibility.person_id), join_type=JOIN.LEFT_OUTER)
        .where(Responsibility.household == household_id)
        .order_by(Responsibility.person_id)
    )
    return tuple(str(name or person_id) for person_id, name in rows(query))


def visible_to_me() -> Any:
    """A condition on Household: of my grids (and under them), or one I am 包保 cadre of
    (the server sends those wherever they are)."""
    grids = grid_codes_under([code for code, _name in me().grids])
    return Household.grid.in_(grids) | Household.id.in_(households_of(me().person_id))


def mine_in_grid(household_id: str, grid_code: str) -> bool:
    """Whether I am 包保 cadre of the household and it is in `grid_code` (so I may save
    it there though the grid is not mine)."""
    query = Household.select().where(
        (Household.id == household_id)
        & (Household.grid == grid_code)
        & Household.id.in_(households_of(me().person_id))
    )
    return bool(query.exists())


def cadres() -> list[Cadre]:
    """Every cadre with households I see, by name: the lists a person can choose."""
    count = fn.COUNT(Responsibility.household)
    query = (
        Responsibility.select(Responsibility.person_id, Person.name, count)
        .join(Household)
        .switch(Responsibility)
        .join(Person, on=(Person.id == Responsibility.person_id), join_type=JOIN.LEFT_OUTER)
        .where(visible_to_me())
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
