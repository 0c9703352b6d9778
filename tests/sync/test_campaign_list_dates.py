"""`fieldapp admin campaign list` says a campaign's dates as a person reads them: with
none set "不限日期" / "no dates set", with one of them "from …" or "until …"; it printed
"… – …" for no dates."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain import clock
from fieldapp.paths import CAMPAIGNS_DIR

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


@pytest.fixture(autouse=True)
def _before_the_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today is before every date these runs are given: a run that has ended is refused."""
    monkeypatch.setattr(clock, "_now", lambda: dt.datetime(2026, 2, 1, 4, tzinfo=dt.UTC))


def _campaign(url: str, lang: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", url, "campaign", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_dates_read_as_words_in_either_language(seed, server_db_url) -> None:
    url = server_db_url
    _campaign(url, "zh", "publish", str(CAMPAIGNS_DIR / "epidemic.toml"))
    started = _campaign(url, "zh", "start", "epidemic")
    assert "· 不限日期 ·" in started and "…" not in started
    again = _campaign(url, "zh", "start", "epidemic")  # said as a first start was
    assert again.startswith("疫情防控（epidemic）本来就在进行中，未改动")
    assert "· 不限日期 ·" in again  # and how it runs
    assert "· no dates set ·" in _campaign(url, "en", "list")
    _campaign(url, "zh", "start", "epidemic", "--from", "2026-03-01")
    assert "· 2026-03-01 起，不设结束日期 ·" in _campaign(url, "zh", "list")
    assert "· from 2026-03-01, no end date ·" in _campaign(url, "en", "list")
    _campaign(url, "zh", "start", "epidemic", "--from", "", "--to", "2026-04-30")
    assert "· until 2026-04-30, no start date ·" in _campaign(url, "en", "list")
    _campaign(url, "zh", "start", "epidemic", "--from", "2026-03-01")
    assert "· 2026-03-01 至 2026-04-30 ·" in _campaign(url, "zh", "list")
    assert "· 2026-03-01 to 2026-04-30 ·" in _campaign(url, "en", "list")


def test_started_again_after_a_stop_it_has_no_old_dates_or_grids(seed, server_db_url) -> None:
    """A campaign stopped and started again with no dates is a new run with none: it came
    back with the dates (and grids) of the run before, '… · 2026-12-01 至 2026-12-31'."""
    url = server_db_url
    _campaign(url, "zh", "publish", str(CAMPAIGNS_DIR / "epidemic.toml"))
    first = ("start", "epidemic", "--from", "2026-12-01", "--to", "2026-12-31", "--grid", "V1")
    assert "· 2026-12-01 至 2026-12-31 · 范围 V1" in _campaign(url, "zh", *first)
    _campaign(url, "zh", "phase", "epidemic", "有病例")  # on: the dates and grids stay
    assert "· 2026-12-01 至 2026-12-31 · 范围 V1" in _campaign(url, "zh", "list")
    assert "未开启" in _campaign(url, "zh", "stop", "epidemic")
    again = _campaign(url, "zh", "start", "epidemic")
    assert "· 不限日期 · 范围 全部网格" in again and "2026-12" not in again
    assert "阶段 有病例" in again  # the phase, which may be set while off, is kept
    assert "2026-12" not in _campaign(url, "zh", "list")


def test_the_phase_and_the_grids_read_right_in_either_language(
    seed, server_db_url, tmp_path
) -> None:
    """In English the phase is the campaign's English name for it ('No cases', from
    phases_en; kept Chinese where a file gives none) and every grid reads 'all grids':
    it printed 'phase 无病例 · … · grids all grids'."""
    url = server_db_url
    _campaign(url, "zh", "publish", str(CAMPAIGNS_DIR / "epidemic.toml"))
    _campaign(url, "zh", "start", "epidemic")
    english = _campaign(url, "en", "list")
    assert "on · phase No cases · no dates set · all grids\n" in english
    assert "无病例" not in english and "grids all grids" not in english
    assert "进行中 · 阶段 无病例 · 不限日期 · 范围 全部网格\n" in _campaign(url, "zh", "list")
    _campaign(url, "zh", "start", "epidemic", "--grid", "V1", "--grid", "v2")  # v2 is V2
    assert "· no dates set · grids V1, V2\n" in _campaign(url, "en", "list")
    assert "· 不限日期 · 范围 V1, V2\n" in _campaign(url, "zh", "list")

    text = (CAMPAIGNS_DIR / "spring_festival.toml").read_text("utf-8")
    no_english = tmp_path / "spring_festival.toml"  # a newer version with no phases_en
    newer = re.sub(r"(?m)^version = (\d+)$", lambda m: f"version = {int(m[1]) + 1}", text)
    no_english.write_text(re.sub(r"(?m)^phases_en = .*\n", "", newer), "utf-8")
    _campaign(url, "zh", "publish", str(no_english))
    _campaign(url, "zh", "start", "spring_festival")
    assert "on · phase 节前宣传 ·" in _campaign(url, "en", "list")
