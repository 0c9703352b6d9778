"""`fieldapp checklist validate docs/examples/office/foot_massage.toml` said only 没有场所类型
"foot_massage", though the server takes the file (the office added the kind). With --db it
knows the server's kinds; without, it says it checked the rest and how to check the kind.
Its counts are spaced as the other messages are (1 个文件, not 1个文件)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after

OFFICE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "office"
FOOT_MASSAGE = str(OFFICE / "foot_massage.toml")


def _run(lang: str, *args: str):
    return CliRunner().invoke(main, ["--lang", lang, *args])


def test_without_the_office_kinds_it_says_what_it_checked_and_how_to_check_the_kind() -> None:
    chinese = _run("zh", "checklist", "validate", FOOT_MASSAGE)
    assert chinese.exit_code == 1
    assert chinese.output.splitlines()[1:] == [
        "1 个文件有错误，未通过校验",
        '其余各项都已校验，只有场所类型 "foot_massage" 不是程序自带的：若是办公室用 import-kinds'
        ' 添加的，请加上 --db 服务器数据库（或 --kind "foot_massage"）再校验。',
    ]
    english = _run("en", "checklist", "validate", FOOT_MASSAGE)
    assert english.output.splitlines()[1:] == [
        "1 file has errors and failed validation",
        'Everything else was checked; only venue kind "foot_massage" is not one the program'
        " ships: if the office added it with import-kinds, check again with --db and its"
        ' server database (or --kind "foot_massage").',
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_with_the_server_database_it_knows_the_office_kinds(tmp_path: Path, lang: str) -> None:
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert _run(lang, "admin", "--db", db, "init").exit_code == 0
    assert _run(lang, "admin", "--db", db, "import-kinds", str(OFFICE / "kinds.csv")).exit_code == 0
    result = _run(lang, "checklist", "validate", "--db", db, FOOT_MASSAGE)
    assert result.exit_code == 0, result.output
    said = {
        "zh": f"{FOOT_MASSAGE}：有效（foot_massage 第 1 版，3 个分节，8 个检查项）\n",
        "en": f"{FOOT_MASSAGE}: OK (foot_massage v1, 3 sections and 8 items)\n",
    }
    assert result.output == said[lang]


def test_with_the_server_database_each_kind_is_offered_once(tmp_path: Path) -> None:
    """The server's kinds begin with the shipped ones: added to them again, every shipped
    kind was offered twice (请填写 hotel、hotel、internet_cafe、internet_cafe…)."""
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert _run("zh", "admin", "--db", db, "init").exit_code == 0
    assert _run("zh", "admin", "--db", db, "import-kinds", str(OFFICE / "kinds.csv")).exit_code == 0
    text = (OFFICE / "foot_massage.toml").read_text(encoding="utf-8")
    karaoke = tmp_path / "karaoke.toml"
    karaoke.write_text(text.replace('kinds = ["foot_massage"]', 'kinds = ["karaoke"]'), "utf-8")
    kinds = [
        "foot_massage",
        "hotel",
        "internet_cafe",
        "market",
        "rental_housing",
        "small_hotel",
        "small_restaurant",
        "small_school",
        "small_shop",
        "small_workshop",
        "supermarket",
        "three_in_one",
    ]
    chinese = _run("zh", "checklist", "validate", "--db", db, str(karaoke)).output.splitlines()
    assert (
        chinese[0]
        == f'{karaoke} 第 8 行：没有场所类型 "karaoke"：请填写 {"、".join(kinds)} 中的一个'
    )
    english = _run("en", "checklist", "validate", "--db", db, str(karaoke)).output.splitlines()
    assert english[0] == f'{karaoke}:8: unknown venue kind "karaoke": use one of {", ".join(kinds)}'
