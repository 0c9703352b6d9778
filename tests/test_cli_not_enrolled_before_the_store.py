"""Every command that reads the device's store, run on a FIELDAPP_HOME with no device,
says what device-info says (not enrolled; the directory it looked in; enrol or set
FIELDAPP_HOME) and exits 3, and makes no store there. `notice` said "no venue has the
code YM-0004" and `report` "no grid with code T01", each after making an empty store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the language set back after

COMMANDS = [
    ["notice", "--venue", "YM-0004", "--out", "notice.pdf"],
    ["handover-letter", "--finding", "f-1", "--out", "letter.pdf"],
    ["report", "--grid", "T01", "--zero"],
    ["monthly-report", "--grid", "T01", "--pdf", "month.pdf"],
    ["placards", "--grid", "T01", "--out", "placards"],
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_command_on_no_device_says_so_and_makes_no_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, command: list[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("FIELDAPP_HOME", str(empty))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    done = runner.invoke(main, ["--lang", lang, *command])
    assert done.exit_code == 3, done.output
    assert ("本设备尚未注册" if lang == "zh" else "not enrolled") in done.output, done.output
    assert str(empty) in done.output and "FIELDAPP_HOME" in done.output
    assert list(empty.iterdir()) == []  # no store made


def test_a_store_left_without_a_device_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A home where an earlier version's `report` made an empty store."""
    from fieldapp.paths import store_path
    from fieldapp.store import close_store, open_store

    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    open_store(store_path())
    close_store()
    done = CliRunner().invoke(main, ["--lang", "en", "report", "--grid", "T01", "--zero"])
    assert done.exit_code == 3 and "not enrolled" in done.output, done.output
