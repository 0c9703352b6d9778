"""An office import that refuses its file (all or nothing) says so as every other
command's refusal: after "错误：" / "Error:" on standard error, exit status 1 — not with
a prefix of its own ("未完成：" / "Not done:" it was), so a person and a script read it
as the error it is. Every `fieldapp admin` refusal goes the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", ["错误：网格.csv：未导入任何内容，共 2 处问题：", "  第 2 行 名称 列：名称为空"]),
        ("en", ["Error: 网格.csv: nothing imported, 2 problems:", "  row 2, column 名称: "]),
    ],
)
def test_an_import_refused_is_said_as_an_error(tmp_path: Path, lang: str, said: list[str]) -> None:
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    admin = ["--lang", lang, "admin", "--db", db]
    assert CliRunner().invoke(main, [*admin, "init"]).exit_code == 0
    sheet = tmp_path / "网格.csv"
    sheet.write_text("编号,名称,级别,上级\nT1,,镇,\nV1,鼎美村,乡,T1\n", "utf-8")
    result = CliRunner().invoke(main, [*admin, "import-grids", str(sheet)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == said[0]
    assert lines[1].startswith(said[1])
    assert len(lines) == 3  # the two problems under it, nothing said imported
