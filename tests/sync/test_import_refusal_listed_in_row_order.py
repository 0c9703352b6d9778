"""A file with 300 bad rows printed every one of its problems, 303 lines, not in the
order of its rows. A refusal now lists the problems by row, the first 50 of them, and
says how many more there are."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


def _admin(db: Path, *args: str, lang: str = "zh") -> str:
    result = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])
    return result.output


def test_a_refusal_lists_its_first_problems_by_row_and_counts_the_rest(tmp_path):
    db = tmp_path / "server.sqlite3"
    _admin(db, "init")
    grids = tmp_path / "g.csv"
    grids.write_text("编号,名称,级别,上级\nT1,东山镇,镇,\n", "utf-8")
    _admin(db, "import-grids", str(grids))
    rows = [f"DM-{n},店{n},超市,T1,极高" for n in range(1, 101)]  # a bad risk level each
    rows += [f"DM-{n},店{n},超市,T9,中" for n in range(101, 301)]  # no such grid
    rows[149] = "DM-150,店150,超市,T9,极高"  # two problems on row 151
    sheet = tmp_path / "v.csv"
    sheet.write_text("编号,场所名称,类别,网格,风险等级\n" + "\n".join(rows) + "\n", "utf-8")

    output = _admin(db, "import-venues", str(sheet))
    lines = output.splitlines()
    assert lines[0] == "错误：v.csv：未导入任何内容，共 301 处问题："
    listed = [int(line.split()[1]) for line in lines[1:51]]
    assert listed == list(range(2, 52))
    assert lines[51:] == ["  ……另有 251 处问题未列出：请先改正以上各行，再导入一次。"]
    english = _admin(db, "import-venues", str(sheet), lang="en").splitlines()
    assert len(english) == 52
    assert english[-1] == (
        "  … and 251 more problems not listed: correct the rows above and import again."
    )
