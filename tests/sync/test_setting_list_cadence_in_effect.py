"""`admin setting list` printed cadence_days = {"foot_massage": 3} and then 足浴店，每 30 天
检查一次, the kinds sheet's figure, while devices inspect every 3 days (the setting wins).
Each kind's line gives the cadence in effect and where it comes from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after

OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def test_the_list_gives_the_cadence_devices_use(tmp_path: Path) -> None:
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    assert _admin(db, "import-kinds", str(OFFICE / "kinds.csv")).exit_code == 0
    assert "每 30 天检查一次\n" in _admin(db, "setting", "list").output  # the sheet's alone
    setting = '{"foot_massage": 3, "hotel": 14}'
    assert _admin(db, "setting", "set", "cadence_days", setting).exit_code == 0
    chinese = _admin(db, "setting", "list").output.splitlines()
    assert chinese[1:] == [
        "场所类型 foot_massage：足浴店，每 3 天检查一次（按 cadence_days 设置；场所类型表中是 30 天）",
        "场所类型 hotel：宾馆，每 14 天检查一次（按 cadence_days 设置；程序自带的是 7 天）",
    ]
    english = _admin(db, "setting", "list", lang="en").output.splitlines()
    assert english[1:] == [
        "venue kind foot_massage: Foot-massage shop, inspected every 3 days"
        " (set by cadence_days; the kinds sheet has 30)",
        "venue kind hotel: Hotel, inspected every 14 days (set by cadence_days; the program's own is 7)",
    ]
