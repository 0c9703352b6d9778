"""A CSV whose columns are separated by semicolons or tabs (Excel in some regions, a copy
from a web page) is refused with why and what to do: it was four "缺少 … 列" errors,
one for each column the import reads, and no word of the separator."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

SAID = {
    ("zh", ";"): "第 1 行：这个文件用分号分隔各列：请另存为逗号分隔的 CSV",
    ("zh", "\t"): "第 1 行：这个文件用制表符分隔各列：请另存为逗号分隔的 CSV",
    ("en", ";"): "row 1: this file separates its columns with semicolons; save it as a "
    "comma-separated CSV",
    ("en", "\t"): "row 1: this file separates its columns with tabs; save it as a "
    "comma-separated CSV",
}


@pytest.mark.parametrize("separator", [";", "\t"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_csv_separated_otherwise_says_so(
    seed, server_db_url, tmp_path: Path, lang: str, separator: str
) -> None:
    rows = [["code", "name", "kind", "grid"], ["DM-0901", "悦足坊", "small_shop", "V1"]]
    venues = tmp_path / "venues.csv"
    venues.write_text("\n".join(separator.join(r) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--lang", lang, "admin", "--db", server_db_url, "import-venues", str(venues)]
    )
    assert result.exit_code == 1
    assert SAID[lang, separator] in result.output, result.output
    assert "缺少" not in result.output and "missing" not in result.output
