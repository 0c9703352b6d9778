"""The office commands count in English for one and for more: an import refused with 1
problem or 2 problems, an import of 1 row or 2 rows, run as a person runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.i18n import set_language

HEADER = "code,name,level,parent\n"
GOOD = ["T1,镇,town,\n", "V1,村,village,T1\n"]
BAD = ["V1,,village,T1\n", "V2,村,city,T1\n"]  # a name missing; a level that is none


def _admin(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", "en", "admin", "--db", db, *args])
    set_language("zh")
    return result.exit_code, result.output


@pytest.mark.parametrize(("rows", "said"), [(1, "1 problem:"), (2, "2 problems:")])
def test_an_import_refused_counts_its_problems(tmp_path: Path, rows: int, said: str) -> None:
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert _admin(db, "init")[0] == 0
    grids = tmp_path / "grids.csv"
    grids.write_text(HEADER + GOOD[0] + "".join(BAD[:rows]), encoding="utf-8")
    code, output = _admin(db, "import-grids", str(grids))
    assert code == 1
    assert f"grids.csv: nothing imported, {said}" in output, output
    assert "(s)" not in output


@pytest.mark.parametrize(("rows", "said"), [(1, "Imported 1 row ("), (2, "Imported 2 rows (")])
def test_an_import_counts_its_rows(tmp_path: Path, rows: int, said: str) -> None:
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert _admin(db, "init")[0] == 0
    grids = tmp_path / "grids.csv"
    grids.write_text(HEADER + "".join(GOOD[:rows]), encoding="utf-8")
    code, output = _admin(db, "import-grids", str(grids))
    assert code == 0, output
    assert said in output and "(s)" not in output, output
