"""`fieldapp checklist validate`: a broken file exits 1 with its line, good files exit 0, a
missing file exits 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checklist_validation_support import (
    GOOD,
    _line_of,
)
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain.kinds import VENUE_KINDS
from fieldapp.paths import CHECKLISTS_DIR

# --- the command line -----------------------------------------------------------------------


pytestmark = pytest.mark.usefixtures("english")


def test_cli_validate_broken_file_exits_1_with_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "small_restaurant.toml"
    text = GOOD.replace(
        'severity = "general"\nrectification_days = 1', 'severity = "sever"\nrectification_days = 1'
    )
    bad.write_text(text, encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--lang", "en", "checklist", "validate", str(good), str(bad)]
    )
    assert result.exit_code == 1
    line = _line_of(text, '"sever"')
    assert f"{bad}:{line}: CAT-02: severity must be one of general, major, none" in result.output
    assert f"{good}: OK" in result.output


def test_cli_validate_good_files_exit_0() -> None:
    files = [str(p) for p in sorted(CHECKLISTS_DIR.glob("*.toml"))]
    result = CliRunner().invoke(main, ["--lang", "en", "checklist", "validate", *files])
    assert result.exit_code == 0, result.output
    assert result.output.count(": OK (") == len(VENUE_KINDS)


def test_cli_validate_missing_file_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["checklist", "validate", str(tmp_path / "nope.toml")])
    assert result.exit_code == 1
    assert "nope.toml" in result.output
