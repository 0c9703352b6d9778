"""The files the admin commands read and write, refused in the person's language with
what to do, one wording for every command: a file saved as GBK, a path that names no
file, a folder that is not there. They printed Python's English ("'utf-8' codec can't
decode byte 0xd7…", "[Errno 2] No such file or directory"). A TOML saved by Notepad as
UTF-8 with a byte-order mark is read (it was "第 1 行：TOML 语法错误")."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"
CAMPAIGN = Path(__file__).resolve().parents[2] / "assets" / "campaigns" / "epidemic.toml"

SAID = {
    "zh": {
        "gbk": "错误：gbk.toml 不是 UTF-8 编码：请用记事本或 WPS 另存为 UTF-8",
        "missing": "错误：找不到这个文件：{path}，请检查文件路径",
        "validate": "gbk.toml 不是 UTF-8 编码：请用记事本或 WPS 另存为 UTF-8",
        "no_folder": "错误：无法写入 {out}（文件夹 {folder} 不存在）：请用 --xlsx 换一个位置",
        "published": "已发布检查表 foot_massage 第 1 版",
        "exported": "已导出检查表 foot_massage 第 1 版（",  # as publish words it
    },
    "en": {
        "gbk": "Error: gbk.toml is not UTF-8: save it as UTF-8 (Notepad or WPS)",
        "missing": "Error: no such file: {path}; check the path",
        "validate": "gbk.toml is not UTF-8: save it as UTF-8 (Notepad or WPS)",
        "no_folder": "Error: Cannot write {out} (the folder {folder} does not exist): choose "
        "another place with --xlsx",
        "published": "Published checklist foot_massage version 1",
        "exported": "Exported checklist foot_massage version 1 (",
    },
}


def _run(lang: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert not isinstance(result.exception, UnicodeError | OSError), result.output
    return result.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_admin_file_problems_are_worded(seed, server_db_url, tmp_path: Path, lang: str):
    said = SAID[lang]
    admin = ("admin", "--db", server_db_url)
    _run(lang, *admin, "import-kinds", str(OFFICE / "kinds.csv"))
    text = (OFFICE / "foot_massage.toml").read_text(encoding="utf-8")
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes(text.encode("gbk"))
    missing = tmp_path / "nonexist.toml"

    assert _run(lang, *admin, "publish-checklist", str(gbk)).strip() == said["gbk"]
    shown = _run(lang, *admin, "publish-checklist", str(missing)).strip()
    assert shown == said["missing"].format(path=missing)
    shown = _run(lang, *admin, "publish-checklist", str(missing.with_suffix(".xlsx"))).strip()
    assert shown == said["missing"].format(path=missing.with_suffix(".xlsx"))
    # said once, naming the file (it was "gbk.toml：gbk.toml 不是…")
    assert _run(lang, "checklist", "validate", str(gbk)).splitlines()[0] == said["validate"]
    shown = _run(lang, *admin, "campaign", "publish", str(missing)).strip()
    assert shown == said["missing"].format(path=missing)

    bom = tmp_path / "bom.toml"  # Notepad's "UTF-8 with BOM"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert said["published"] in _run(lang, *admin, "publish-checklist", str(bom))
    campaign = tmp_path / "campaign.toml"
    campaign.write_bytes(b"\xef\xbb\xbf" + CAMPAIGN.read_bytes())
    assert "TOML" not in _run(lang, *admin, "campaign", "publish", str(campaign))

    folder = tmp_path / "nonexistent" / "dir"
    out = folder / "x.xlsx"
    shown = _run(lang, *admin, "checklist", "export", "foot_massage", "--out", str(out))
    assert shown.strip() == said["no_folder"].format(folder=folder, out=out)
    out = tmp_path / "x.xlsx"
    shown = _run(lang, *admin, "checklist", "export", "foot_massage", "--out", str(out))
    assert shown.startswith(said["exported"]), shown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_workbook_named_toml_is_said_to_be_one(tmp_path: Path, lang: str) -> None:
    """An exported checklist workbook renamed .toml was "not UTF-8", with Notepad's advice."""
    import openpyxl

    workbook = tmp_path / "foot_massage.toml"
    openpyxl.Workbook().save(workbook)
    said = {
        "zh": "foot_massage.toml 是 Excel 工作簿（.xlsx），不是文本文件：检查表的工作簿请把文件名后缀改为"
        " .xlsx 后再试",
        "en": "foot_massage.toml is an Excel workbook (.xlsx), not a text file: a checklist "
        "workbook must have a name ending in .xlsx; rename it and try again",
    }
    assert _run(lang, "checklist", "validate", str(workbook)).splitlines()[0] == said[lang]
