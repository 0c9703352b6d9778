"""A venue's or checkpoint's code goes on its placard. import-venues took "bad code!" (已导入
1 行) and `admin placards` then failed for the whole grid, in English; the import now
refuses the row with its number and the characters a placard takes, nothing imported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def _csv(path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    return str(path)


def _server(tmp_path: Path) -> Path:
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = _csv(tmp_path / "网格.csv", "编号,名称,级别,上级\nT1,东山镇,镇,\nV1,鼎美村,村,T1\n")
    assert _admin(db, "import-grids", grids).exit_code == 0
    return db


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize(
    ("command", "table", "sheet"),
    [
        ("import-venues", "venue", "编号,场所名称,类别,网格\nDM-1,好店,小商场,V1\nbad code!,测试店,小商场,V1\n"),
        ("import-checkpoints", "checkpoint", "编号,名称,类型,网格\nCP-1,东口,村口,V1\nbad code!,西口,村口,V1\n"),
    ],
)  # fmt: skip
def test_a_code_no_placard_can_carry_is_refused_with_its_row(tmp_path, command, table, sheet):
    db = _server(tmp_path)
    path = _csv(tmp_path / "sheet.csv", sheet)
    chinese = _admin(db, command, path)
    assert chinese.exit_code == 1, chinese.output
    assert "未导入任何内容" in chinese.output
    assert (
        "第 3 行 编号 列：“bad code!”不能印在标牌上：请改为只用英文字母、数字、“-”和“.”的编号，"
        "以字母或数字开头，最多 24 个字符"
    ) in chinese.output
    assert "cannot go on a placard" not in chinese.output
    assert "BAD CODE!" not in chinese.output  # quoted as the file has it, not upper-cased
    english = _admin(db, command, path, lang="en")
    assert english.exit_code == 1
    assert "row 3, column 编号: " in english.output
    assert "'bad code!' cannot go on a placard: use only letters A-Z, digits 0-9" in english.output
    assert _count(db, table) == 0


def test_placards_for_a_grid_leave_out_a_code_held_already_and_say_which(tmp_path):
    """A database may hold such a code from before: the grid's other placards print, and
    the one left out is named in the chosen language (it failed the whole grid)."""
    from pypdf import PdfReader

    db = _server(tmp_path)
    sheet = "编号,场所名称,类别,网格\nDM-1,好店,小商场,V1\nDM-2,恒丰宾馆,小商场,V1\n"
    assert _admin(db, "import-venues", _csv(tmp_path / "v.csv", sheet)).exit_code == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE venue SET code = 'BAD CODE!' WHERE code = 'DM-2'")
    for lang, said in (
        ("zh", "以下 1 个编号不能印在标牌上，没有打印它们的标牌：BAD CODE!（恒丰宾馆）。"),
        ("en", "This code cannot go on a placard, so its placard was not printed: BAD CODE! ("),
    ):
        out = tmp_path / f"{lang}.pdf"
        result = _admin(db, "placards", "--grid", "V1", "--out", str(out), lang=lang)
        assert result.exit_code == 0, result.output
        assert said in result.stderr
        assert len(PdfReader(out).pages) == 1
    one = _admin(db, "placards", "--venue", "BAD CODE!", "--out", str(tmp_path / "1.pdf"))
    assert one.exit_code == 1
    assert "错误：以下 1 个编号不能印在标牌上" in one.output


def test_a_venues_placard_key_column_is_headed_as_the_app_names_it(tmp_path):
    """import-venues' help named the column 公示牌密钥 where the app says 标牌 (标牌密钥):
    the import reads 标牌密钥 (公示牌密钥 too, as older sheets head it), the help says 标牌."""
    db = _server(tmp_path)
    for heading, code in (("标牌密钥", "DM-1"), ("公示牌密钥", "DM-2")):
        sheet = f"编号,场所名称,类别,网格,{heading}\n{code},好店,小商场,V1,K1\n"
        result = _admin(db, "import-venues", _csv(tmp_path / f"{code}.csv", sheet))
        assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:
        keys = connection.execute("SELECT placard_key_id FROM venue ORDER BY code").fetchall()
    assert keys == [("K1",), ("K1",)]
    for lang in ("zh", "en"):
        help_text = CliRunner().invoke(main, ["--lang", lang, "admin", "import-venues", "--help"])
        assert "标牌密钥" in help_text.output and "公示牌" not in help_text.output


def test_placards_as_pngs_only_need_no_pdf(tmp_path):
    """`admin placards --venue DM-1 --png DIR` failed 错误：缺少选项 --out: the PNGs alone
    are written now; with neither --out nor --png it says to give one."""
    db = _server(tmp_path)
    sheet = "编号,场所名称,类别,网格\nDM-1,好店,小商场,V1\n"
    assert _admin(db, "import-venues", _csv(tmp_path / "v.csv", sheet)).exit_code == 0
    pngs = tmp_path / "pngs"
    result = _admin(db, "placards", "--venue", "DM-1", "--png", str(pngs))
    assert result.exit_code == 0, result.output
    assert "已生成 1 张 PNG 图片" in result.output and "张标牌：" not in result.output
    assert [p.suffix for p in pngs.iterdir()] == [".png"]
    assert list(tmp_path.glob("*.pdf")) == []
    neither = _admin(db, "placards", "--venue", "DM-1")
    assert neither.exit_code == 2
    assert "请用 --out 指定 PDF 文件，或用 --png 指定存放 PNG 的文件夹" in neither.output
