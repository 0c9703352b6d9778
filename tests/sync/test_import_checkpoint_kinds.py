"""A checkpoint ledger names its kinds as the placard does (消火栓, 村（屯）出入口) or as
an office writes them (村口, 消防栓): imported as their codes, the kind's own form with
them; an unknown kind is refused with the kinds one may write, in the CLI's language."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_import_chinese_ledgers import _admin, _server, _xlsx

HEADERS = ("巡查点编号", "名称", "类型", "网格", "表单")


def _checkpoints(db: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        query = "SELECT code, kind, form FROM checkpoint"
        return {row[0]: (row[1], row[2]) for row in connection.execute(query)}


def _import(tmp_path: Path, *rows: tuple[str, ...], lang: str = "zh"):
    """import-checkpoints of a sheet with `rows`, on a server holding grid V1."""
    db = tmp_path / "server.sqlite3"
    if not db.exists():
        _server(tmp_path)
    sheet = _xlsx(tmp_path / "巡查点.xlsx", HEADERS, *rows)
    return db, _admin(db, "import-checkpoints", str(sheet), lang=lang)


def test_checkpoint_kinds_and_forms_are_read_by_their_chinese_names(tmp_path):
    db, result = _import(
        tmp_path,
        ("CP-01", "鼎美村东口", "村口", "V1", ""),
        ("CP-02", "村委会消火栓", "消防栓", "V1", ""),
        ("CP-03", "鼎美村消防室", "消防室", "V1", ""),
        ("CP-04", "商业街烟花点", "烟花爆竹销售点", "V1", ""),
        ("CP-05", "环村路", "路段", "V1", "消火栓"),
        ("CP-06", "祠堂", "Village entrance", "V1", ""),
        ("CP-07", "旧粮站", "other", "V1", ""),
    )
    assert result.exit_code == 0, result.output
    assert _checkpoints(db) == {
        "CP-01": ("village_entrance", ""),
        "CP-02": ("hydrant", "hydrant"),
        "CP-03": ("fire_room", "fire_room"),
        "CP-04": ("fireworks_point", "fireworks_point"),
        "CP-05": ("road_section", "hydrant"),
        "CP-06": ("village_entrance", ""),
        "CP-07": ("other", ""),
    }


def test_an_unknown_checkpoint_kind_is_refused_with_the_kinds_one_may_write(tmp_path):
    rows = (("CP-01", "鼎美村东口", "村口", "V1", ""), ("CP-02", "鼎美水塔", "水塔", "V1", "锅炉"))
    db, zh = _import(tmp_path, *rows)
    assert zh.exit_code == 1
    assert (
        "第 3 行 类型 列：“水塔”不是点位类型：请填写 村（屯）出入口、路段、烟花爆竹销售点、"
        "消火栓、消防室、其他点位 中的一个"
    ) in zh.output
    assert (
        "第 3 行 表单 列：“锅炉”不是巡查表单：请填写 消火栓、消防室、烟花爆竹销售点 中的一个"
        in zh.output
    )
    _, en = _import(tmp_path, *rows, lang="en")
    assert en.exit_code == 1
    assert (
        "row 3, column 类型: '水塔' is not a checkpoint kind: use one of village_entrance, "
        "road_section, fireworks_point, hydrant, fire_room"
    ) in en.output
    assert _checkpoints(db) == {}
