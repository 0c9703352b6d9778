"""The header names an office's sheet may give each import's columns: the English name
the importer reads, and the Chinese names its ledger has (场所编号, 名称, 类型…).

One table per import, here and nowhere else; `tables.read_table(path, required, TABLE)`
reads a header written in either form as the English name. Each table names every
column its importer reads (an empty tuple: by its English name only), so a column in none
of them is refused, not silently dropped.
The names include the titles the app shows over those columns (the registry's 类别 and
到达日期), from the catalogues, in either language.
"""

from __future__ import annotations

from collections.abc import Mapping

from fieldapp.domain.expr_types import VENUE_ATTRIBUTES
from fieldapp.i18n import LANGUAGES, text_in
from sync.server.tables import Aliases

_PHONE = ("电话", "联系电话", "手机", "手机号")
_LAT_LON = {"lat": ("纬度",), "lon": ("经度",)}


def _titles(table: Aliases, keys: Mapping[str, tuple[str, ...]]) -> Aliases:
    """`table` with, for each column of `keys`, the titles the app shows over it: those
    catalogue entries, the Chinese first (help and refusals name a column so), the table's
    own names, then the other languages' titles (Groups, Arrived)."""
    found = dict(table)
    for column, entries in keys.items():
        zh, *others = ([text_in(lang, key) or "" for key in entries] for lang in LANGUAGES)
        names = (*zh, *table.get(column, ()), *(name for shown in others for name in shown))
        found[column] = tuple(
            dict.fromkeys(n for n in names if n.strip() and n.strip().lower() != column)
        )
    return found


GRIDS: Aliases = {
    "code": ("编号", "网格编号", "网格编码", "编码"),
    "name": ("名称", "网格名称"),
    "level": ("层级", "网格层级", "级别"),
    "parent": ("上级", "上级网格", "上级网格编码"),
}

PEOPLE: Aliases = _titles(
    {
        "id": ("编号", "人员编号"),
        "name": ("姓名", "名称"),
        "role": ("角色",),
        "phone": _PHONE,
        "grids": ("网格", "所属网格", "网格编码"),
    },
    {"grids": ("rounds.col.grids",)},
)


def _venue_attributes() -> Aliases:
    """Each venue attribute's column by the name the app shows it (has_gas 用燃气…)."""
    return _titles({name: () for name in VENUE_ATTRIBUTES}, {
        name: (f"venue_attr.{name}",) for name in VENUE_ATTRIBUTES
    })  # fmt: skip


VENUES: Aliases = _titles(
    {
        "id": (),
        "code": ("编号", "场所编号", "编码"),
        "name": ("名称", "场所名称"),
        "kind": ("类型", "场所类型"),
        "grid": ("网格", "网格编码", "所属网格"),
        "address": ("地址", "场所地址"),
        "contact": ("联系人", "负责人"),
        "phone": _PHONE,
        "risk_level": ("风险等级",),
        "placard_key_id": ("标牌密钥", "公示牌密钥"),  # the app says 标牌; older sheets 公示牌
        **_LAT_LON,
        **_venue_attributes(),
    },
    {
        "code": ("find.col.code", "ledger.col.venue_code"),
        "name": ("ledger.col.venue_name",),
        "kind": ("find.col.kind", "ledger.col.kind"),
        "grid": ("find.col.grid",),
        "address": ("find.col.address",),
    },
)

CHECKPOINTS: Aliases = {
    "id": (),
    "code": ("编号", "巡查点编号", "编码"),
    "name": ("名称", "巡查点名称"),
    "kind": ("类型", "巡查点类型"),
    "grid": ("网格", "网格编码", "所属网格"),
    "address": ("地址",),
    "contact": ("联系人", "负责人"),
    "phone": _PHONE,
    "form": ("表单", "检查表"),
    **_LAT_LON,
}

ROUTES: Aliases = {
    "id": (),
    "code": ("编号", "路线编号", "编码"),
    "name": ("名称", "路线名称"),
    "grid": ("网格", "网格编码", "所属网格"),
    "checkpoints": ("点位", "巡查点"),
    "days": ("巡逻日", "日期"),
    "windows": ("时间段",),
    "people": ("人员", "巡逻人员"),
    "team": ("队伍", "巡逻队"),
    "campaign": ("专项行动",),
    "starts_on": ("开始日期",),
    "ordered": ("按顺序",),
    "active": ("启用",),
}

_REGISTRY: Aliases = {
    "grid": ("网格", "网格编码", "所属网格"),
    "household": ("户号",),
    "name": ("姓名",),
    "building": ("楼栋",),
    "address": ("地址", "住址"),
    "venue": ("场所", "场所编号"),
    "sex": ("性别",),
    "birth_year": ("出生年份",),
    "id_number": ("身份证号", "身份证号码"),
    "phone": _PHONE,
    "tags": ("标签", "人员类别"),
    "arrived_on": ("来此日期", "入住日期"),
    "left_on": ("离开日期",),
    "plate": ("车牌", "车牌号"),
}
# The registry's columns as the app's people list and its exported ledger title them.
REGISTRY = _titles(_REGISTRY, {column: (f"ledger.people.{column}",) for column in _REGISTRY})

RESPONSIBILITIES: Aliases = {
    "cadre": ("包保干部", "干部"),
    "grid": ("网格", "网格编码", "所属网格"),
    "household": ("户号",),
}

KINDS: Aliases = {
    "code": ("编码", "代码"),
    "zh": ("中文名称", "中文名"),
    "en": ("英文名称", "英文名"),
    "prefix": ("编号前缀", "前缀"),
    "cadence_days": ("检查周期", "检查周期天数"),
    "precautions_zh": ("注意事项",),
    "precautions_en": ("英文注意事项",),
    "attributes": ("场所属性", "属性"),
    "short_zh": ("简称", "中文简称"),
    "short_en": ("英文简称",),
}

LEVELS: Aliases = {
    "code": ("编码", "代码"),
    "zh": ("中文名称", "中文名"),
    "en": ("英文名称", "英文名"),
    "depth": ("层次", "层级深度"),
    "report_deadline": ("上报截止时间",),
}

BY_IMPORT: dict[str, Aliases] = {
    "grids": GRIDS,
    "people": PEOPLE,
    "venues": VENUES,
    "checkpoints": CHECKPOINTS,
    "routes": ROUTES,
    "registry": REGISTRY,
    "responsibilities": RESPONSIBILITIES,
    "kinds": KINDS,
    "levels": LEVELS,
}


def chinese_headers(name: str) -> str:
    """One Chinese name of each column of that import's table, for its help: 编号, 名称…"""
    return ", ".join(names[0] for names in BY_IMPORT[name].values() if names)
