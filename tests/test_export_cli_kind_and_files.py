"""`fieldapp export` as a tester met it: --kind nope was taken and exported 0 inspections;
--format csv's help named three files where more were written; the Chinese list of the
files written was joined with ", " where Chinese lists take "、"."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from test_export import ledger  # noqa: F401 (the fixture: three inspections in June)

from fieldapp.cli import main
from fieldapp.reports.ledger import csv_paths

JUNE = ["--from", "2026-06-01", "--to", "2026-06-30"]


def test_an_unknown_kind_is_refused_naming_the_known_ones(
    ledger: dict[str, str],  # noqa: F811
    tmp_path: Path,
    home: Path,
) -> None:
    out = tmp_path / "ledger.xlsx"
    result = CliRunner().invoke(
        main,
        ["export", "--out", str(out), *JUNE, "--kind", "nope"],
        env={"FIELDAPP_HOME": str(home)},
    )
    assert result.exit_code != 0 and not out.exists(), result.output
    assert "nope" in result.output and "small_shop、" in result.output, result.output
    # by its code, or by its name as the imports take it (小商场 is small_shop)
    for named in ("small_shop", "小商场"):
        kept = CliRunner().invoke(
            main,
            ["export", "--out", str(out), *JUNE, "--kind", named],
            env={"FIELDAPP_HOME": str(home)},
        )
        assert kept.exit_code == 0 and "2 条检查记录" in kept.output, kept.output


def test_the_csv_files_are_those_the_help_names_listed_with_the_chinese_comma(
    demo_home: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    out = tmp_path / "ledger.csv"
    result = runner.invoke(
        main,
        ["export", "--format", "csv", "--out", str(out)],
        env={"FIELDAPP_HOME": str(demo_home)},
    )
    assert result.exit_code == 0, result.output
    written = sorted(str(p) for p in tmp_path.glob("ledger*.csv"))
    assert len(written) > 1 and all(path in result.output for path in written), result.output
    assert ", " not in result.output and "、" in result.output, result.output
    # Every file a CSV export may write (people, patrols, incidents... where there are any)
    # is named in --format's help: it said three.
    helped = " ".join(runner.invoke(main, ["export", "--help"]).output.split())
    for path in csv_paths(Path("OUT.csv")).values():
        assert (path.name if path.name != "OUT.csv" else "OUT") in helped, (path.name, helped)


def test_a_grid_is_found_whatever_its_case(
    ledger: dict[str, str],  # noqa: F811
    tmp_path: Path,
    home: Path,
) -> None:
    """--grid a12 was refused as no such grid though A12 is on the device, while the
    server's commands and imports find a grid whatever its case."""
    out = tmp_path / "a12.xlsx"
    result = CliRunner().invoke(
        main,
        ["export", "--out", str(out), *JUNE, "--grid", "a12"],
        env={"FIELDAPP_HOME": str(home)},
    )
    assert result.exit_code == 0 and "1 条检查记录" in result.output, result.output
