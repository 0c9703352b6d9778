"""The fictional contents of a demo workspace: grids, people and venue names.

The villages and markets are the ones the source plans name (domain.md §4); every venue
is invented and says so in its name, e.g. "鼎美村·福顺小旅馆(示例)". Everything here is
a pure function of a seeded `random.Random`, so a seed always gives the same workspace.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from fieldapp.domain.kinds import VENUE_KINDS
from fieldapp.services.demo.draws import Draws, Weighted

TOWN_CODE = "T01"
TOWN_NAME = "示例镇"
EXAMPLE = "(示例)"

# (venue code prefix, name, areas): pinyin initials of the village or market.
VILLAGES: tuple[tuple[str, str, int], ...] = (
    ("YM", "芸美村", 3),
    ("DM", "鼎美村", 3),
    ("DY", "东瑶村", 3),
    ("HK", "后柯村", 2),
    ("FS", "凤山村", 3),
    ("ZD", "贞岱村", 2),
    ("SY", "松阳村", 3),
)
# The markets are village-level grids of their own (a 市场管理所 runs each), with areas.
MARKETS: tuple[tuple[str, str, int], ...] = (
    ("SYC", "商业城", 3),
    ("LDK", "老渡口农贸市场", 2),
    ("XZ", "湘洲小区农贸市场", 2),
)
AREA_NUMERALS = "一二三四五"

# The first inspector's grids hold at least one venue of every kind.
ALL_KINDS_GRIDS = ("DM", "LDK")


@dataclass(frozen=True)
class DemoPerson:
    key: str  # inspector | inspector2 | supervisor
    name: str
    title: str  # the post in the source plans
    role: str
    phone: str
    grids: tuple[str, ...]  # grid codes


PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("inspector", "陈晓明", "网格员", "inspector", "13800001001", ("T01-DM", "T01-LDK")),
    DemoPerson(
        "inspector2", "林秀英", "流管员", "inspector", "13800001002", ("T01-YM-1", "T01-YM-2")
    ),
    DemoPerson("supervisor", "王建国", "网格长", "supervisor", "13800001003", ("T01",)),
)


def village_grid(prefix: str) -> str:
    return f"{TOWN_CODE}-{prefix}"


def area_grid(prefix: str, number: int) -> str:
    return f"{TOWN_CODE}-{prefix}-{number}"


def grid_rows() -> list[tuple[str, str, str, str | None]]:
    """(code, name, level, parent) for the town, its villages and markets, and their areas."""
    rows: list[tuple[str, str, str, str | None]] = [(TOWN_CODE, TOWN_NAME, "town", None)]
    for prefix, name, areas in VILLAGES + MARKETS:
        rows.append((village_grid(prefix), name, "village", TOWN_CODE))
        for n in range(1, areas + 1):
            rows.append(
                (
                    area_grid(prefix, n),
                    f"{name}第{AREA_NUMERALS[n - 1]}网格",
                    "area",
                    village_grid(prefix),
                )
            )
    return rows


_VILLAGE_WEIGHTS = {
    "market": 1,
    "hotel": 2,
    "supermarket": 3,
    "small_shop": 14,
    "small_school": 2,
    "small_restaurant": 12,
    "small_hotel": 5,
    "internet_cafe": 3,
    "small_workshop": 9,
    "rental_housing": 25,
    "three_in_one": 8,
}
_MARKET_WEIGHTS = {
    "market": 4,
    "hotel": 2,
    "supermarket": 5,
    "small_shop": 30,
    "small_school": 0,
    "small_restaurant": 20,
    "small_hotel": 3,
    "internet_cafe": 4,
    "small_workshop": 2,
    "rental_housing": 6,
    "three_in_one": 5,
}

_TRADE = [
    "福顺",
    "兴隆",
    "鑫源",
    "和兴",
    "永盛",
    "恒丰",
    "宏达",
    "金穗",
    "顺发",
    "万家",
    "佳乐",
    "新华",
    "阳光",
    "明珠",
    "春风",
    "百味",
    "德顺",
    "广源",
    "瑞祥",
    "东升",
    "华美",
    "富源",
    "嘉禾",
    "旺角",
    "聚福",
    "长青",
    "同心",
    "吉祥",
    "安康",
    "惠民",
    "益民",
    "天和",
    "荣昌",
    "新时代",
    "好运来",
    "老字号",
    "四季",
    "红星",
    "金鼎",
    "凤凰",
    "海峡",
    "闽南",
    "湘洲",
    "渡口",
]
_NOUNS: dict[str, tuple[str, ...]] = {
    "market": ("农贸市场", "集贸市场", "菜市场"),
    "hotel": ("宾馆", "大酒店", "商务酒店"),
    "supermarket": ("超市", "便利超市", "购物中心"),
    "small_shop": ("百货店", "五金店", "服装店", "建材店", "日杂店", "电器行", "母婴店"),
    "small_school": ("幼儿园", "小学", "培训学校", "托管中心"),
    "small_restaurant": ("饭店", "小吃店", "面馆", "快餐店", "大排档", "沙县小吃"),
    "small_hotel": ("小旅馆", "旅社", "客栈", "招待所"),
    "internet_cafe": ("网吧", "网咖", "电竞馆"),
    "small_workshop": ("加工厂", "木器厂", "服装加工坊", "五金加工厂", "包装厂"),
    "rental_housing": ("出租房", "出租屋", "公寓"),
    "three_in_one": ("家庭五金作坊", "住家服装加工点", "前店后宅维修铺", "家庭鞋材作坊"),
}
_SURNAMES = [
    "陈",
    "林",
    "黄",
    "张",
    "李",
    "王",
    "吴",
    "刘",
    "蔡",
    "杨",
    "郑",
    "许",
    "洪",
    "曾",
    "苏",
    "谢",
    "叶",
    "庄",
    "柯",
    "施",
]
_GIVEN = [
    "建华",
    "秀英",
    "志强",
    "美玲",
    "国平",
    "丽华",
    "文斌",
    "海燕",
    "明辉",
    "金花",
    "晓东",
    "春梅",
    "少杰",
    "雅婷",
    "振兴",
    "淑芬",
]
_ROADS = (
    "兴业路",
    "中心街",
    "东环路",
    "新村一巷",
    "文化路",
    "滨江路",
    "工业路",
    "福兴街",
    "学府路",
    "振兴路",
    "南河沿",
    "榕树巷",
    "渡口街",
    "湘洲路",
    "古井巷",
    "安民路",
)


class VenueSeed(NamedTuple):  # a tuple: made a million times, 3x faster than a dataclass
    code: str
    name: str
    kind: str
    address: str
    grid: str
    contact: str
    phone: str
    risk_level: str


def person_name(draws: Draws) -> str:
    return draws.choice(_SURNAMES) + draws.choice(_GIVEN)


def phone(draws: Draws) -> str:
    return f"1{draws.choice('3578')}{draws.randint(0, 9)}0000{draws.randint(0, 9999):04d}"


def _venue_name(draws: Draws, place: str, kind: str) -> str:
    noun = draws.choice(_NOUNS[kind])
    if kind == "market" and place.endswith("市场"):
        noun = draws.choice(("水产批发市场", "果蔬批发市场", "海鲜市场"))
    if kind == "rental_housing":
        return f"{place}·{draws.choice(_SURNAMES)}宅{noun}{EXAMPLE}"
    return f"{place}·{draws.choice(_TRADE)}{noun}{EXAMPLE}"


def _risk(draws: Draws, kind: str) -> str:
    high = 0.3 if kind in ("three_in_one", "small_workshop", "internet_cafe") else 0.08
    roll = draws.random()
    return "high" if roll < high else ("low" if roll > 0.8 else "normal")


def venue_seeds(rng: random.Random, count: int) -> Iterator[VenueSeed]:
    """`count` venues spread over the villages and markets (about a tenth each), one at a
    time (a million of them do not fit in memory at once)."""
    draws = Draws(rng)
    places = [(p, n, a, Weighted.of(_VILLAGE_WEIGHTS)) for p, n, a in VILLAGES]
    places += [(p, n, a, Weighted.of(_MARKET_WEIGHTS)) for p, n, a in MARKETS]
    numbers = {prefix: 0 for prefix, *_ in places}
    forced = [
        (place, kind) for place in places if place[0] in ALL_KINDS_GRIDS for kind in VENUE_KINDS
    ]
    grids = {(prefix, n): area_grid(prefix, n) for prefix, _, areas, _ in places
             for n in range(1, areas + 1)}  # fmt: skip
    for i in range(count):
        if i < len(forced):
            place, kind = forced[i]
        else:
            place = places[i % len(places)]
            kind = place[3].draw(draws)
        prefix, place_name, areas, _ = place
        numbers[prefix] += 1
        area = draws.randint(1, areas)
        yield VenueSeed(
            code=f"{prefix}-{numbers[prefix]:04d}",
            name=_venue_name(draws, place_name, kind),
            kind=kind,
            address=f"{TOWN_NAME}{place_name}{draws.choice(_ROADS)}{draws.randint(1, 299)}号",
            grid=grids[prefix, area],
            contact=person_name(draws),
            phone=phone(draws),
            risk_level=_risk(draws, kind),
        )
