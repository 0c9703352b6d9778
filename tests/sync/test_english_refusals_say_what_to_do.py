"""An English refusal says what to do, as the Chinese one does: "missing required key
"answer"", "duplicate item code…", "version must be a positive integer", "phases_en names
each phase once, in its order" and "row 4, column 编号: FMS-0003 is also on row 2" left it
out where the Chinese says 请补上 / 请改用另一个编码 / 请删去或改正其中一行."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain.campaigns_toml import load_campaign_text
from fieldapp.domain.checklist_toml import ChecklistInvalid
from fieldapp.i18n import set_language
from fieldapp.paths import CAMPAIGNS_DIR, CHECKLISTS_DIR

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

HOTEL = (CHECKLISTS_DIR / "hotel.toml").read_text(encoding="utf-8")
OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"


def _said(lang: str, *args: str) -> str:
    return CliRunner().invoke(main, ["--lang", lang, *args]).output


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("zh", ["缺少必填的键 answer：请补上", "version 必须是正整数（现在是 0）：请写 1、2 这样的整数",
                "检查项编码重复：同一检查表中每个编码只能用一次，请改用另一个编码"]),
        ("en", ['missing required key "answer": add it',
                "version must be a positive integer (got 0): write a whole number such as 1 or 2",
                "duplicate item code (each code must be unique in the checklist): use another code"]),
    ],
)  # fmt: skip
def test_checklist_refusals_say_what_to_do(tmp_path: Path, lang: str, wanted: list[str]) -> None:
    text = HOTEL.replace("version = ", "version = 0 #", 1)
    text = text.replace('code = "COM-02"', 'code = "COM-01"', 1)
    text = text.replace('answer = "yesno"\n', "", 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    shown = _said(lang, "checklist", "validate", str(bad))
    for line in wanted:
        assert line in shown, shown


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("zh", "phases_en 要按 phases 的顺序，为每个阶段写一个英文名称：请改正"),
        ("en", "phases_en names each phase once, in its order: give one English name per phase"),
    ],
)
def test_a_short_phases_en_says_what_to_do(lang: str, wanted: str) -> None:
    set_language(lang)
    text = (CAMPAIGNS_DIR / "epidemic.toml").read_text(encoding="utf-8")
    with pytest.raises(ChecklistInvalid) as refused:
        load_campaign_text(text.replace('"Community spread"]', "]", 1), "epidemic.toml")
    assert wanted in str(refused.value)


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("zh", "FM-0001 与第 2 行重复：请删去或改正其中一行"),
        ("en", "FM-0001 is also on row 2: delete or correct one of the two"),
    ],
)
def test_a_code_twice_in_an_import_says_what_to_do(
    seed, server_db_url, tmp_path: Path, lang: str, wanted: str
) -> None:
    venues = tmp_path / "venues.csv"
    venues.write_text(
        "code,name,kind,grid\nFM-0001,悦足坊,small_shop,V1\nFM-0001,康足堂,small_shop,V1\n",
        encoding="utf-8",
    )
    shown = _said(lang, "admin", "--db", server_db_url, "import-venues", str(venues))
    assert wanted in shown, shown
