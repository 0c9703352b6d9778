"""An English refusal says what to do, as the Chinese one does: "missing required key
"answer"", "duplicate item code…", "version must be a positive integer", "phases_en names
each phase once, in its order" and "row 4, column 编号: FMS-0003 is also on row 2" left it
out where the Chinese says 请补上 / 请改用另一个编码 / 请删去或改正其中一行; so did
'unknown key "colour"', "min must be a number (got "3")" and "no grid T9 in this file or on
the server", and most of the checklist, import and route-schedule refusals besides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain.campaigns_toml import load_campaign_text
from fieldapp.domain.checklist_toml import ChecklistInvalid
from fieldapp.i18n import _load, set_language
from fieldapp.paths import CAMPAIGNS_DIR, CHECKLISTS_DIR

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

HOTEL = (CHECKLISTS_DIR / "hotel.toml").read_text(encoding="utf-8")
OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"


def _said(lang: str, *args: str) -> str:
    return CliRunner().invoke(main, ["--lang", lang, *args]).output


def _validated_says(tmp_path: Path, lang: str, text: str, wanted: list[str]) -> None:
    """`fieldapp checklist validate` of `text` says each of `wanted`."""
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    shown = _said(lang, "checklist", "validate", str(bad))
    for line in wanted:
        assert line in shown, shown


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
    _validated_says(tmp_path, lang, text, wanted)


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("zh", ["不认识的键 colour：请检查拼写，或删去这一行",
                'min 必须是数字（现在是 "3"）：请写 3 或 2.5 这样的数，不加引号']),
        ("en", ['unknown key "colour": check its spelling, or delete the line',
                'min must be a number (got "3"): write one such as 3 or 2.5, without quotes']),
    ],
)  # fmt: skip
def test_an_unknown_key_and_a_quoted_number_say_what_to_do(
    tmp_path: Path, lang: str, wanted: list[str]
) -> None:
    text = HOTEL.replace('answer = "number"\n', 'answer = "number"\nmin = "3"\ncolour = 1\n', 1)
    _validated_says(tmp_path, lang, text, wanted)


# Refusals whose English is the instruction itself, as their Chinese is after its 请.
ADVICE_ALONE = {"cl.options_and_choices", "cl.options_en_all", "cl.toml.other"}


def test_every_file_refusal_that_says_what_to_do_in_chinese_says_it_in_english() -> None:
    """A checklist, import, setting or schedule refusal whose Chinese tells what to do (请…)
    has an English that does too, after its ": " or "; " (outside brackets)."""
    catalogs = _load()
    silent = [
        f"{key}: {english}"
        for key, chinese in catalogs["zh"].items()
        if key.startswith(("cl.", "import.", "office_file.", "setting.", "schedule."))
        and "请" in chinese
        and key not in ADVICE_ALONE
        and (english := catalogs["en"].get(key, ""))
        and not re.search(r"[:;] ", re.sub(r"\([^()]*\)", "", english))
    ]
    assert silent == []


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("zh", "本文件和服务器上都没有网格 T9：请核对上级网格编码，或把该网格一并写入文件"),
        ("en", "no grid T9 in this file or on the server: check the parent grid's code, or add "
               "that grid to the file"),
    ],
)  # fmt: skip
def test_a_grid_under_no_known_parent_says_what_to_do(
    server_db_url: str, tmp_path: Path, lang: str, wanted: str
) -> None:
    assert _said(lang, "admin", "--db", server_db_url, "init")
    grids = tmp_path / "grids.csv"
    grids.write_text("code,name,level,parent\nV9,九村,village,T9\n", encoding="utf-8")
    shown = _said(lang, "admin", "--db", server_db_url, "import-grids", str(grids))
    assert wanted in shown, shown


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
