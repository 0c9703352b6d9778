"""`fieldapp export` on a data directory with no device ended in a NotEnrolled traceback;
it now says what device-info says (the directory it read, FIELDAPP_HOME) and exits 3,
and writes nothing (it left a workbook of headers only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the language set back after


@pytest.mark.parametrize(("lang", "said"), [("zh", "本设备尚未注册"), ("en", "not enrolled")])
def test_export_on_no_device_says_so_as_device_info_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "empty"))
    runner = CliRunner()
    info = runner.invoke(main, ["--lang", lang, "device-info"])
    out = tmp_path / "ledger.xlsx"
    export = runner.invoke(main, ["--lang", lang, "export", "--out", str(out)])
    assert export.exit_code == info.exit_code == 3, export.output
    assert export.exception is None or isinstance(export.exception, SystemExit)
    assert said in export.output and str(tmp_path / "empty") in export.output
    assert info.output.strip() in export.output
    assert not out.exists()  # refused: no workbook of headers only left behind
