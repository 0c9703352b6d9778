"""The header names an office's sheet may give each import's columns: the English name
the importer reads, and the Chinese names its ledger has (场所编号, 名称, 类型…).

One table per import, here and nowhere else; `tables.read_table(path, required, TABLE)`
reads a header written in either form as the English name. A column the importer reads
but the table does not name is taken by its English name only.
"""

from __future__ import annotations

from fieldapp.domain.expr_types import VENUE_ATTRIBUTES
from fieldapp.i18n import text_in
from sync.server.tables import Aliases

_PHONE = ("电话", "联系电话", "手机", "手机号")
_LAT_LON = {"lat": ("纬度",), "lon": ("经度",)}

GRIDS: Aliases = {
    "code": ("编号", "网格编号", "网格编码", "编码"),
    "name": ("名称", "网格名称"),
    "level": ("层级", "网格层级", "级别"),
    "parent": ("上级", "上级网格", "上级网格编码"),
}

PEOPLE: Aliases = {
    "id": ("编号", "人员编号"),
    "name": ("姓名", "名称"),
    "role": ("角色",),
    "phone": _PHONE,
    "grids": ("网格", "所属网格", "网格编码"),
}


def _venue_attributes() -> dict[str, tuple[str, ...]]:
    """Each venue attribute's column by the name the app shows it (has_gas 用燃气…)."""
    found: dict[str, tuple[str, ...]] = {}
    for name in VENUE_ATTRIBUTES:
        if shown := text_in("zh", f"venue_attr.{name}"):
            found[name] = (shown,)
    return found


VENUES: Aliases = {
    "code": ("编号", "场所编号", "编码"),
    "name": ("名称", "场所名称"),
    "kind": ("类型", "场所类型"),
    "grid": ("网格", "网格编码", "所属网格"),
    "address": ("地址", "场所地址"),
    "contact": ("联系人", "负责人"),
    "phone": _PHONE,
    "risk_level": ("风险等级",),
    "placard_key_id": ("公示牌密钥",),
    **_LAT_LON,
    **_venue_attributes(),
}

CHECKPOINTS: Aliases = {
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
    "code": ("编号", "路线编号", "编码"),
    "name": ("名称", "路线名称"),
    "grid": ("网格", "网格编码", "所属网格"),
    "checkpoints": ("巡查点",),
    "days": ("巡逻日", "日期"),
    "windows": ("时间段",),
    "people": ("人员", "巡逻人员"),
    "team": ("队伍", "巡逻队"),
    "campaign": ("专项行动",),
    "starts_on": ("开始日期",),
    "ordered": ("按顺序",),
    "active": ("启用",),
}

REGISTRY: Aliases = {
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
}

LEVELS: Aliases = {
    "code": ("编码", "代码"),
    "zh": ("中文名称", "中文名"),
    "en": ("英文名称", "英文名"),
    "depth": ("层次", "层级深度"),
    "report_deadline": ("上报截止时间",),
}
