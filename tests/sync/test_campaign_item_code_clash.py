"""A campaign item coded as an item of a kind's checklist (COM-01) was published: on a
device the inspection showed 1/23, the campaign's item could never be reached and took
COM-01's answer. Publishing is refused, naming the code and the checklist; and so is
publishing a checklist version with an item coded as a published campaign's item."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.paths import CHECKLISTS_DIR
from sync.server import db as server_db
from sync.server.admin_models import Campaign
from sync.server.models import Checklist

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after

CLASH = """code = "flood"
version = 1
zh = "防汛检查"
en = "Flood checks"

[[sections]]
code = "FLD"
kinds = ["rental_housing"]
zh = "防汛检查"
en = "Flood checks"

[[sections.items]]
code = "FLD-01"
zh = "地下室有挡水板"
en = "Flood boards at basement doors"
answer = "yesno"
severity = "general"
rectification_days = 3

[[sections.items]]
code = "{code}"
zh = "门口有沙袋"
en = "Sandbags at the door"
answer = "yesno"
severity = "general"
rectification_days = 3
"""


def _publish(url: str, lang: str, path: Path, *command: str) -> tuple[int, str]:
    command = command or ("campaign", "publish")
    result = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", url, *command, str(path)])
    return result.exit_code, result.output


def test_a_campaign_item_with_the_code_of_a_checklist_item_is_not_published(
    seed, server_db_url, tmp_path: Path
):
    clash = tmp_path / "flood.toml"
    clash.write_text(CLASH.replace("{code}", "COM-01"), encoding="utf-8")

    code, chinese = _publish(server_db_url, "zh", clash)
    assert code == 1, chinese
    assert "COM-01" in chinese and "rental_housing" in chinese and "未发布" in chinese
    code, english = _publish(server_db_url, "en", clash)
    assert code == 1, english
    assert "The item COM-01 in flood.toml has the code of an item of the checklist" in english
    with server_db.current().connection_context():
        assert Campaign.select().where(Campaign.code == "flood").count() == 0

    clash.write_text(CLASH.replace("{code}", "FLD-02"), encoding="utf-8")
    code, output = _publish(server_db_url, "zh", clash)
    assert code == 0, output

    # The other way round: a checklist version giving an item the campaign's code FLD-02.
    checklist = tmp_path / "rental_housing.toml"
    shipped = (CHECKLISTS_DIR / "rental_housing.toml").read_text(encoding="utf-8")
    checklist.write_text(
        shipped.replace("version = 6", "version = 7").replace('"RNT-07"', '"FLD-02"'),
        encoding="utf-8",
    )
    code, chinese = _publish(server_db_url, "zh", checklist, "publish-checklist")
    assert code == 1, chinese
    assert chinese.startswith(
        "错误：rental_housing.toml 中的检查项 FLD-02 与专项行动 flood 在场所类型 rental_housing "
        "下的检查项编码相同，未发布"
    ), chinese
    code, english = _publish(server_db_url, "en", checklist, "publish-checklist")
    assert code == 1, english
    assert "has the code of an item of the campaign flood for the kind rental_housing" in english
    with server_db.current().connection_context():
        assert Checklist.select().where(Checklist.version == 7).count() == 0
