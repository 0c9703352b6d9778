"""A Chinese office's kinds file with 场所属性 房间数;员工数 was refused (请填写 has_kitchen、
has_gas、…), though import-venues reads 房间数 and 员工数 as its column names. A kinds
file now names attributes as import-venues does, and a refusal lists them so."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def test_a_kinds_file_names_attributes_as_import_venues_does(tmp_path):
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    kinds = tmp_path / "kinds.csv"
    kinds.write_text(
        "编码,中文名称,英文名称,场所属性\nfoot_massage,足浴店,Foot-massage shop,房间数;员工数;has_gas\n",
        encoding="utf-8",
    )
    result = _admin(db, "import-kinds", str(kinds))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:
        (body,) = connection.execute("SELECT body FROM office_kind").fetchone()
    assert json.loads(body)["attributes"] == ["rooms", "staff", "has_gas"]

    kinds.write_text(
        "编码,中文名称,英文名称,场所属性\nfoot_massage,足浴店,Foot-massage shop,房间数;桌数\n",
        encoding="utf-8",
    )
    chinese = _admin(db, "import-kinds", str(kinds)).output
    assert "“桌数”不是场所属性：请填写 有厨房、" in chinese
    assert "房间数、" in chinese and "has_kitchen" not in chinese
    english = _admin(db, "import-kinds", str(kinds), lang="en").output
    assert "'桌数' is not a venue attribute: use one of has_kitchen, has_gas," in english
