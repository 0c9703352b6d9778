"""A campaign item coded as an item of a kind's checklist (COM-01) was published: on a
device the inspection showed 1/23, the campaign's item could never be reached and took
COM-01's answer. Publishing is refused, naming the code and the checklist."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from sync.server import db as server_db
from sync.server.admin_models import Campaign

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


def _publish(url: str, lang: str, path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["--lang", lang, "admin", "--db", url, "campaign", "publish", str(path)]
    )
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
