"""The commands' sentences with counts read right for one in English: "Exported 1
inspection, 1 hazard and 1 hazard event", "Wrote n.pdf (1 item)" (they said "1
inspections", "1 hazards", "1 items"); Chinese says the same as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_world import World, add_finding, build_world

from fieldapp.cli import main
from fieldapp.domain.clock import today
from fieldapp.i18n import set_language
from fieldapp.store import close_store


@pytest.fixture
def one_hazard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """One inspection today, its one hazard and the hazard's opened event."""
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    world = build_world(tmp_path / "home")
    add_finding(world, "DM-0001", "COM-03")
    close_store()  # the commands open it themselves
    yield world
    close_store()
    set_language("zh")


def _export(out: Path, *lang: str) -> list[str]:
    day = today().isoformat()
    return [*lang, "export", "--format", "csv", "--out", str(out), "--from", day, "--to", day]


def test_the_export_of_one_inspection_says_one_of_each(one_hazard: World, tmp_path: Path) -> None:
    english = CliRunner().invoke(main, _export(tmp_path / "en.csv", "--lang", "en"))
    assert english.exit_code == 0, english.output
    assert "Exported 1 inspection, 1 hazard and 1 hazard event to " in english.output
    set_language("zh")  # a new process would start in Chinese; this one spoke English
    chinese = CliRunner().invoke(main, _export(tmp_path / "zh.csv"))
    assert chinese.exit_code == 0, chinese.output
    assert "已导出 1 条检查记录、1 条隐患、1 条隐患处理记录到 " in chinese.output


def test_a_notice_of_one_hazard_says_one_item(one_hazard: World, tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    out = tmp_path / "n.pdf"
    english = CliRunner().invoke(
        main, ["--lang", "en", "notice", "--venue", "DM-0001", "--out", str(out)]
    )
    assert english.exit_code == 0, english.output
    assert f"Wrote {out} (1 item)" in english.output
    set_language("zh")
    out = tmp_path / "n-zh.pdf"  # another file: a name taken would be written as -2
    chinese = CliRunner().invoke(main, ["notice", "--venue", "DM-0001", "--out", str(out)])
    assert f"已写入 {out}（1 项）" in chinese.output
