"""A kind has one checklist, the one devices use (the highest version of it): publishing
fm_alt for foot_massage, which has foot_massage, said 已发布检查表 fm_alt 第 1 版 and no
device ever used it. Publish refuses such a file, and a version below the newest, saying
what to do; nothing is published."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after

OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"
SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "checklists"


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def _copy(source: Path, dest: Path, **changes: str) -> str:
    lines = source.read_text("utf-8").splitlines()
    for key, value in changes.items():
        lines = [f"{key} = {value}" if line.startswith(f"{key} = ") else line for line in lines]
    dest.write_text("\n".join(lines) + "\n", "utf-8")
    return str(dest)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    assert _admin(db, "import-kinds", str(OFFICE / "kinds.csv")).exit_code == 0
    published = _admin(db, "publish-checklist", str(OFFICE / "foot_massage.toml"))
    assert published.output == "已发布检查表 foot_massage 第 1 版。\n"
    return db


def _published(db: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT checklist_id, version FROM checklist").fetchall()


def test_a_second_checklist_for_a_kind_is_refused(db: Path, tmp_path: Path) -> None:
    alt = _copy(OFFICE / "foot_massage.toml", tmp_path / "alt.toml", id='"fm_alt"')
    chinese = _admin(db, "publish-checklist", alt)
    assert chinese.exit_code == 1
    assert chinese.output == (
        "错误：场所类型 foot_massage 已有检查表 foot_massage，设备只用这一份，未发布："
        "要修改它，请把 id 改回 foot_massage 并把版本号改为 2\n"
    )
    english = _admin(db, "publish-checklist", alt, lang="en")
    assert english.exit_code == 1
    assert "Venue kind foot_massage already has checklist foot_massage" in english.output
    assert "set the id back to foot_massage and the version to 2" in english.output
    assert _published(db) == [("foot_massage", 1)]


def test_a_shipped_kind_has_its_own_checklist(db: Path, tmp_path: Path) -> None:
    """A device holds the shipped hotel v6 and prefers it to any other id."""
    alt = _copy(SHIPPED / "hotel.toml", tmp_path / "alt.toml", id='"hotel_alt"')
    refused = _admin(db, "publish-checklist", alt)
    assert "场所类型 hotel 已有检查表 hotel" in refused.output
    assert "请把 id 改回 hotel 并把版本号改为 7" in refused.output
    assert _admin(db, "publish-checklist", str(SHIPPED / "hotel.toml")).exit_code == 0


def test_a_version_below_the_newest_is_refused(db: Path, tmp_path: Path) -> None:
    three = _copy(OFFICE / "foot_massage.toml", tmp_path / "v3.toml", version="3")
    assert _admin(db, "publish-checklist", three).output == "已发布检查表 foot_massage 第 3 版。\n"
    two = _copy(OFFICE / "foot_massage.toml", tmp_path / "v2.toml", version="2")
    chinese = _admin(db, "publish-checklist", two)
    assert chinese.exit_code == 1
    assert chinese.output == (
        "错误：检查表 foot_massage 已发布到第 3 版，设备只用最高版本，第 2 版未发布：请把版本号改为 4\n"
    )
    english = _admin(db, "publish-checklist", two, lang="en").output
    assert "version 2 was not published: set the version to 4" in english
