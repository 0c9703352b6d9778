"""The English help of import-venues and import-kinds began lines with the comma of the
Chinese names it lists (有寄宿生 / , 有人住宿), and import-venues named none of its
optional columns in English (lat, lon, has_kitchen…)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fieldapp import i18n
from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("command", ["import-venues", "import-kinds"])
def test_english_import_help_starts_no_line_with_a_comma(command: str) -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "admin", command, "--help"])
    i18n.set_language("en")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert [line for line in lines if line.startswith((",", "，", ";"))] == []
    if command == "import-venues":
        assert "placard_key_id, lat, lon" in result.output
        assert "has_kitchen" in result.output and "sprinklers_required" in result.output
