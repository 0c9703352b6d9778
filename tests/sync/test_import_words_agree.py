"""The import's words, as a tester read them: a bad longitude was given a latitude (26.08)
as its example; the checkpoint help listed fireworks_point with no Chinese name and called
checkpoints 巡查点 where the app says 点位; the help said 场所类别 where the refusals say
场所类型; the phone refusal alone ended in "。"; and English said "no grid 'G9' on the
server" without the hint the Chinese gives."""

from __future__ import annotations

import re

from test_import_chinese_ledgers import _admin, _server

from fieldapp.i18n import text_in

SHEET = "code,name,kind,grid,phone,lat,lon\nCP-01,东口,村口,{grid},{phone},26.08,{lon}\n"


def _unwrapped(shown: str) -> str:
    """Help as one line, as click wrapped it (Chinese breaks inside words)."""
    return re.sub(r"\s*\n\s*", "", shown)


def _refusal(tmp_path, lang: str, *, lon="117.68", phone="", grid="V1") -> str:
    db = tmp_path / "server.sqlite3"
    if not db.exists():
        _server(tmp_path)
    sheet = tmp_path / "checkpoints.csv"
    sheet.write_text(SHEET.format(lon=lon, phone=phone, grid=grid), encoding="utf-8")
    result = _admin(db, "import-checkpoints", str(sheet), lang=lang)
    assert result.exit_code == 1, result.output
    return result.output


def test_a_bad_longitude_is_given_a_longitude_as_its_example(tmp_path):
    chinese = _refusal(tmp_path, "zh", lon="东经117")
    assert "第 2 行 lon 列：“东经117”不是以度为单位的坐标（±180 以内）" in chinese
    assert "如 117.68" in chinese
    assert "26.08" not in chinese
    english = _refusal(tmp_path, "en", lon="E117")
    assert "'E117' is not a coordinate in degrees (±180): write decimal degrees, e.g. 117.68" in (
        english
    )


def test_a_bad_phone_ends_as_the_other_refusals_do(tmp_path):
    output = _refusal(tmp_path, "zh", phone="abc123")
    line = next(line.strip() for line in output.splitlines() if "phone 列" in line)
    assert line.startswith("第 2 行 phone 列：电话号码“abc123”无效：请填写以 1 开头的 11 位手机号")
    assert not line.endswith("。")
    english = _refusal(tmp_path, "en", phone="abc123")
    assert (
        "row 2, column phone: the phone number 'abc123' is not valid: an 11-digit mobile" in english
    )
    assert not english.rstrip().endswith(".")


def test_an_unknown_grid_says_what_to_do_in_english_too(tmp_path):
    english = _refusal(tmp_path, "en", grid="G9")
    assert "no grid 'G9' on the server: check the grid code, or import grids first" in english
    assert "服务器上没有网格“G9”：请核对网格编码，或先导入网格" in _refusal(
        tmp_path, "zh", grid="G9"
    )


def test_checkpoints_and_kinds_are_named_in_one_term_each(tmp_path):
    db = _server(tmp_path)
    helped = _admin(db, "import-checkpoints", "--help").output
    assert "导入点位" in helped
    assert "消防室/fire_room、烟花爆竹销售点/fireworks_point；" in _unwrapped(helped)
    english = _admin(db, "import-checkpoints", "--help", lang="en").output
    assert "fireworks_point/烟花爆竹销售点;" in _unwrapped(english)
    for command in ("import-checkpoints", "import-routes", "import-kinds", "setting"):
        shown = _admin(db, command, "--help").output
        assert "巡查点" not in shown and "场所类别" not in shown, shown
    assert _admin(db, "setting", "list", "--help").output.count("场所类型") == 1
    assert "点位" in (text_in("zh", "import.not_checkpoint_kind") or "")
    # a route sheet headed as the help says (点位) is read
    routes = tmp_path / "routes.csv"
    routes.write_text(
        "编号,名称,网格,点位,巡逻日,时间段,人员\nR1,早巡,V1,CP-9,daily,06:30-09:00,p1\n"
    )
    refused = _admin(db, "import-routes", str(routes)).output
    assert "服务器上没有点位 CP-9：请核对编号，或先导入点位" in refused
