"""A campaign whose end has passed read 进行中: `campaign start epidemic --from 2025-01-01
--to 2025-01-31` answered 进行中 though no device runs a campaign past its last day
(`CampaignRun.applies`). Starting one with an end before today is refused, saying so; one
that was on and whose end has since passed reads 已结束 in `campaign list` and on the
device's campaigns screen (ctrl+k), in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from inspect_support import seed_store, switch_on_campaign
from pilot_support import open_screen
from test_campaigns_screen import _rows

from fieldapp.cli import main
from fieldapp.domain import clock
from fieldapp.store.campaign_models import CampaignRun
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.campaigns import CampaignsScreen

EPIDEMIC = Path(__file__).resolve().parents[1] / "assets" / "campaigns" / "epidemic.toml"


def _on(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    """The clock at noon UTC on `day` (the same date in the office and on the device)."""
    noon = dt.datetime.fromisoformat(f"{day}T04:00:00+00:00")
    monkeypatch.setattr(clock, "_now", lambda: noon)


def _admin(db: Path, lang: str, *args: str):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


@pytest.mark.usefixtures("chinese")
def test_a_past_end_is_refused_and_a_lapsed_run_reads_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, "2026-12-07")
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "zh", "init").exit_code == 0
    assert _admin(db, "zh", "campaign", "publish", str(EPIDEMIC)).exit_code == 0
    past = ("campaign", "start", "epidemic", "--from", "2025-01-01", "--to", "2025-01-31")
    chinese = _admin(db, "zh", *past)
    assert chinese.exit_code == 1
    assert "结束日期 2025-01-31 已过（今天是 2026-12-07）" in chinese.output
    assert "请用 --to 给出今天或以后的日期" in chinese.output
    english = _admin(db, "en", *past)
    assert english.exit_code == 1
    assert "The end date 2025-01-31 has passed (today is 2026-12-07)" in english.output
    assert "未开启" in _admin(db, "zh", "campaign", "list").output  # nothing switched on
    started = _admin(db, "zh", "campaign", "start", "epidemic", "--to", "2026-12-31").output
    assert "：进行中 · " in started
    _on(monkeypatch, "2027-01-05")
    listed = _admin(db, "zh", "campaign", "list").output
    assert "疫情防控（epidemic）：已结束（结束日期已过）· " in listed and "进行中" not in listed
    listed = _admin(db, "en", "campaign", "list").output
    assert "(epidemic): ended (its end date has passed) · " in listed


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_device_says_a_lapsed_campaign_has_ended(
    home: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, "2026-12-07")
    seed_store()
    switch_on_campaign("epidemic", "无病例")
    CampaignRun.update(ends_on="2026-12-06").where(CampaignRun.code == "epidemic").execute()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
        row = next(r for r in _rows(screen) if "2026-12-06" in r[3])
        assert row[1] == {"zh": "已结束", "en": "ended"}[lang]
