"""Demo households: a few families in each of the demo's lowest grids, imported on the
server as an office imports its registry (`admin import-people-registry`), so that People
(F11) on each device has households, tenants and people to follow up. Made-up names, ID
numbers that pass the check digit and phone numbers, the same for every demo."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from fieldapp.domain.clock import today
from fieldapp.domain.personal import id_check_character

SURNAMES = "陈林黄张李王吴刘蔡杨许郑谢洪郭"
GIVEN = ("建国", "秀英", "志强", "丽华", "明辉", "美玲", "国庆", "淑珍", "俊杰", "雅婷",
         "文彬", "春梅", "家豪", "晓燕", "德福", "桂兰")  # fmt: skip
BUILDINGS = ("1号楼", "2号楼", "3号楼", "东片", "西片")
PER_GRID = 3  # households in each lowest grid
COLUMNS = ["grid", "household", "name", "building", "address", "sex", "id_number", "phone",
           "tags", "arrived_on"]  # fmt: skip
REGION = "350211"  # the first six digits of the made-up ID numbers


def _id_number(rng: random.Random, born: dt.date, male: bool) -> str:
    order = rng.randrange(0, 50) * 2 + (1 if male else 0)  # odd for a man
    body = f"{REGION}{born:%Y%m%d}{order:03d}"
    return body + id_check_character(body)


def _person(rng: random.Random, name: str, age: int, today: dt.date) -> tuple[str, ...]:
    male = rng.random() < 0.5
    born = dt.date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
    phone = f"13{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}" if age >= 18 else ""
    return (name, "男" if male else "女", _id_number(rng, born, male), phone)


def registry_rows(grids: list[tuple[str, str]], today: dt.date) -> list[list[str]]:
    """Rows of the registry file for `grids` (code, name): a family, an old person living
    alone and tenants in each."""
    rng = random.Random(7)
    rows: list[list[str]] = []
    for code, name in grids:
        for n in range(1, PER_GRID + 1):
            surname = rng.choice(SURNAMES)
            household = f"{code}-{n:02d}"
            building = rng.choice(BUILDINGS)
            address = f"{name}{building}{rng.randint(101, 699)}室"
            if n == 1:  # a family: two parents, a child whose parents work away
                ages, tags = [44, 41, 9], ["resident", "resident", "left_behind_child"]
            elif n == 2:
                ages, tags = [78], ["elderly_alone"]
            else:  # tenants who arrived in the last months
                ages, tags = [29, 27], ["tenant", "tenant"]
            arrived = (
                (today - dt.timedelta(days=rng.randint(20, 200))).isoformat() if n == 3 else ""
            )
            given = rng.sample(GIVEN, len(ages))  # no two of a household share a name
            for age, tag, first in zip(ages, tags, given, strict=True):
                who, sex, id_number, phone = _person(rng, surname + first, age, today)
                rows.append([code, household, who, building, address, sex, id_number, phone,
                             tag, arrived])  # fmt: skip
    return rows


def seed_households(seed_dir: Path) -> int:
    """Import the demo registry on the open server database; the number of people."""
    from sync.server.models import Grid
    from sync.server.people_import import import_people_registry

    parents = {g.parent_code for g in Grid.select(Grid.parent)}
    lowest = [(g.code, g.name) for g in Grid.select().order_by(Grid.code) if g.code not in parents]
    path = seed_dir / "people-registry.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(registry_rows(lowest, today()))
    return import_people_registry(path)
