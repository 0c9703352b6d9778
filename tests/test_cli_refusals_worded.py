"""A command's own refusal (a `click.ClickException`: no grid with that code) is shown
with its prefix in the chosen language, "错误：" under the default Chinese, as click's
usage errors are; click printed "Error: 没有编码为 NOPE 的网格". The root group does it
for every command (`fieldapp.cli.usage_errors.ErrorSaid`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from fieldapp.cli import main
from fieldapp.i18n import set_language
from fieldapp.store import close_store


@pytest.fixture(autouse=True)
def _chinese_after() -> Iterator[None]:
    yield
    set_language("zh")


def _run(home: Path, *args: str) -> Result:
    close_store()  # the command opens the store itself
    return CliRunner().invoke(main, list(args), env={"FIELDAPP_HOME": str(home)})


@pytest.mark.parametrize(
    ("args", "said"),
    # the grids this device holds are named, so the person sees what to type
    [(("monthly-report", "--grid", "NOPE", "--xlsx", "m.xlsx"),
      "错误：本机没有网格 NOPE：请检查网格编码（本机的网格有 T01、T01-DM、T01-DM-1、"),
     # the town's report on an inspector's device counted only what it holds
     (("monthly-report", "--grid", "T01", "--xlsx", "m.xlsx"),
      "错误：网格 T01 超出本机的范围：本机只存有您的网格（T01-DM 鼎美村、T01-LDK 老渡口农贸市场）的数据"),
     # an inspector's device holds only their grids: "no grid V01" misled one whose town has
     # a V01, so a report names the grids they report for
     (("report", "--grid", "NOPE", "--zero"),
      "错误：网格 NOPE 不在您的管辖范围内，不能替它填报：您的网格是 T01-DM 鼎美村、T01-LDK 老渡口农贸市场\n")],
)  # fmt: skip
def test_an_unknown_grid_is_refused_in_chinese_throughout(
    demo_home: Path, args: tuple[str], said: str
) -> None:
    result = _run(demo_home, *args)
    assert result.exit_code == 1, result.output
    assert said in result.output
    assert "Error" not in result.output


def test_a_month_that_does_not_exist_is_said_before_the_missing_file(demo_home: Path) -> None:
    result = _run(demo_home, "monthly-report", "--month", "2026-13")
    assert result.exit_code == 2 and "--month" in result.output, result.output
    assert "--xlsx" not in result.output.split("错误：")[1], result.output


def test_in_english_the_prefix_is_english(demo_home: Path) -> None:
    result = _run(demo_home, "--lang", "en", "report", "--grid", "NOPE", "--zero")
    assert result.exit_code == 1, result.output
    assert result.output == (
        "Error: Grid NOPE is not one of yours, so you cannot report for it: yours are "
        "T01-DM 鼎美村, T01-LDK 老渡口农贸市场\n"
    )


def test_the_office_commands_refuse_after_the_prefix_with_status_1(tmp_path: Path) -> None:
    """Refusals that printed a bare sentence and stopped (no such device, key or rule;
    an idle lock out of range) read as every other: "错误：…" / "Error: …", exit 1."""
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert _run(tmp_path, "admin", "--db", db, "init").exit_code == 0
    for args, said in [
        (("admin", "--db", db, "revoke", "NOPE"), "错误："),
        (("admin", "--db", db, "reader-key", "revoke", "NOPE"), "错误："),
        (("admin", "--db", db, "alerts", "disable", "999"), "错误："),
        (("admin", "--db", db, "placard-key", "revoke", "NOPE"), "错误："),
        (("idle-lock", "999"), "错误："),
        (("--lang", "en", "admin", "--db", db, "revoke", "NOPE"), "Error: "),
    ]:
        result = _run(tmp_path / "home", *args)
        assert result.exit_code == 1, (args, result.output)
        assert result.output.startswith(said), (args, result.output)
