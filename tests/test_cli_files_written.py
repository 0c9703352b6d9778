"""The files the command line writes follow the export screen's rules: a name in another
format's extension is refused, a name with none gets its format's, a name taken (a file or
a symbolic link) is kept and the file written as -2, -3, … and said so, and a device or a
pipe is never replaced by a file (run as root, `export --out /dev/null` replaced
/dev/null with a workbook). Before, a second export, notice or letter overwrote the
first, `--format csv --out w.xlsx` wrote w.xlsx.csv and `monthly-report --pdf m.xlsx`
wrote a PDF named .xlsx."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from review_world import World, build_world, notice_and_letter

from fieldapp.cli import main
from fieldapp.store import close_store

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    made = build_world(tmp_path / "home")
    made.act_as("supervisor")
    yield made
    close_store()


def _run(*args: str) -> Result:
    close_store()
    return CliRunner().invoke(main, ["--lang", "en", *args])


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name != "home"}


def test_a_pipe_or_a_link_to_one_is_refused_and_left_as_it_was(
    world: World, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "to-pipe").symlink_to(tmp_path / "pipe")
    for name in ("pipe", "to-pipe"):
        done = _run("export", "--out", name)
        assert done.exit_code == 1, done.output
        said = f"{name} is not a regular file (a device, a pipe or a socket)"
        assert said in done.output and "give --out the name of a new file" in done.output
    assert (tmp_path / "pipe").is_fifo() and (tmp_path / "to-pipe").is_symlink()
    assert _files(tmp_path) == {"pipe", "to-pipe"}


def test_a_name_too_long_or_a_folder_is_said_not_a_crash(world: World, tmp_path: Path) -> None:
    # A name over 255 characters ended the command with OSError: File name too long.
    done = _run("export", "--out", "z" * 300 + ".xlsx")
    assert done.exit_code == 1, done.output
    assert "The path is too long for the system to open" in done.output
    assert "Traceback" not in done.output and "Errno" not in done.output
    done = _run("export", "--out", str(tmp_path))
    assert done.exit_code == 1 and f"{tmp_path} is a folder: give --out a file name" in done.output
    assert _files(tmp_path) == set()


def test_a_name_taken_by_a_file_or_a_link_is_kept_and_said(world: World, tmp_path: Path) -> None:
    first = _run("export", "--out", "all.xlsx")
    assert first.exit_code == 0, first.output
    kept = (tmp_path / "all.xlsx").read_bytes()
    again = _run("export", "--out", "all.xlsx")
    assert again.exit_code == 0, again.output
    assert "to all-2.xlsx" in again.output
    assert "all.xlsx was there already and is not overwritten: written as all-2.xlsx" in (
        again.output
    )
    (tmp_path / "link.xlsx").symlink_to(tmp_path / "all.xlsx")
    (tmp_path / "gone.xlsx").symlink_to(tmp_path / "nothing.xlsx")
    for link in ("link", "gone"):
        done = _run("export", "--out", f"{link}.xlsx")
        assert done.exit_code == 0 and f"{link}-2.xlsx" in done.output, done.output
        assert (tmp_path / f"{link}.xlsx").is_symlink() and (tmp_path / f"{link}-2.xlsx").is_file()
    assert (tmp_path / "all.xlsx").read_bytes() == kept
    assert not (tmp_path / "nothing.xlsx").exists()


@pytest.mark.parametrize(
    ("fmt", "out", "said"),
    [
        ("xlsx", "w.csv", "ends in .csv: end it in .xlsx, or choose the format CSV."),
        ("csv", "w.xlsx", "ends in .xlsx: end it in .csv, or choose the format XLSX."),
        ("xlsx", "b.pdf", "ends in .pdf: end it in .xlsx."),
    ],
)
def test_a_name_in_another_format_is_refused_with_nothing_written(
    world: World, tmp_path: Path, fmt: str, out: str, said: str
) -> None:
    done = _run("export", "--format", fmt, "--out", out)
    assert done.exit_code == 1 and said in done.output, done.output
    assert _files(tmp_path) == set()


def test_a_name_without_an_extension_gets_its_formats(world: World, tmp_path: Path) -> None:
    done = _run("export", "--out", "ledger")
    assert done.exit_code == 0 and "to ledger.xlsx" in done.output, done.output
    assert _files(tmp_path) == {"ledger.xlsx"}


def test_monthly_checks_both_files_before_writing_either(world: World, tmp_path: Path) -> None:
    done = _run("monthly-report", "--xlsx", "ok.xlsx", "--pdf", "nowhere/m.pdf")
    assert done.exit_code == 1 and "Traceback" not in done.output
    assert done.output.startswith("Error: Cannot write nowhere/m.pdf (the folder "), done.output
    assert "choose another place with --pdf" in done.output
    wrong = _run("monthly-report", "--xlsx", "ok.xlsx", "--pdf", "m.xlsx")
    assert wrong.exit_code == 1, wrong.output
    assert "The format is PDF but the file name ends in .xlsx: end it in .pdf." in wrong.output
    assert _files(tmp_path) == set()


def test_monthly_names_each_file_by_its_format_and_keeps_a_name_taken(
    world: World, tmp_path: Path
) -> None:
    first = _run("monthly-report", "--xlsx", "same", "--pdf", "same")
    assert first.exit_code == 0, first.output
    assert _files(tmp_path) == {"same.xlsx", "same.pdf"}
    again = _run("monthly-report", "--xlsx", "same", "--pdf", "same")
    assert again.exit_code == 0, again.output
    assert "Wrote same-2.xlsx" in again.output and "Wrote same-2.pdf" in again.output
    assert _files(tmp_path) == {"same.xlsx", "same.pdf", "same-2.xlsx", "same-2.pdf"}


def test_a_notice_or_letter_printed_again_is_written_beside_the_first(
    world: World, tmp_path: Path
) -> None:
    fid = notice_and_letter(world)
    for args, name in (
        (["notice", "--venue", "DM-0001"], "notice"),
        (["handover-letter", "--finding", fid], "letter"),
    ):
        for _ in range(2):
            done = _run(*args, "--out", f"{name}.pdf")
            assert done.exit_code == 0, done.output
        assert f"Wrote {name}-2.pdf" in done.output
        assert f"{name}.pdf was there already and is not overwritten" in done.output
    assert _files(tmp_path) == {"notice.pdf", "notice-2.pdf", "letter.pdf", "letter-2.pdf"}


def test_a_quoted_tilde_writes_where_the_check_looked(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --out '~/x' (quoted: the shell leaves ~ alone) was checked in the home folder but
    # written to a folder named ~ under the current one, or refused as missing.
    home = tmp_path / "me"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    (tmp_path / "~").mkdir()  # a folder named ~ here: nothing may be written in it
    done = _run("export", "--format", "csv", "--out", "~/x")
    assert done.exit_code == 0, done.output
    assert any(p.name.startswith("x") for p in home.iterdir()), done.output
    assert not list((tmp_path / "~").iterdir())
    assert str(home / "x") in done.output
