"""The demo's fireworks patrol (春节烟花爆竹巡逻) patrols for the 春节禁燃 campaign: while
the campaign is off, as the demo publishes it, the route is not due on the inspector's
device; once the office runs the campaign, it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.paths import store_path
from fieldapp.store.opening import close_store, open_store

pytestmark = pytest.mark.slow


def test_the_demo_fireworks_patrol_is_due_only_while_its_campaign_runs(tmp_path: Path) -> None:
    from fieldapp.services.patrols.due import due_now
    from fieldapp.store.campaign_models import CampaignRun
    from fieldapp.store.patrol_models import PatrolRoute

    home = tmp_path / "demo"
    built = CliRunner().invoke(
        main, ["demo", "--home", str(home), "--venues", "40", "--build-only"]
    )
    assert built.exit_code == 0, built.output
    open_store(store_path(home))
    try:
        (route,) = PatrolRoute.select()
        assert (route.name, route.campaign) == ("春节烟花爆竹巡逻", "spring_festival")
        # The route starts on the office's day it was imported (Asia/Shanghai: from 16:00
        # UTC that is tomorrow here), so its first morning is the later of the two days.
        first = max(dt.date.today(), dt.date.fromisoformat(route.starts_on or "2000-01-01"))
        morning = dt.datetime.combine(first, dt.time(7, 0))
        assert not CampaignRun.get(CampaignRun.code == "spring_festival").active
        assert due_now(now=morning) == []  # 春节禁燃 is off: nothing to patrol for it
        CampaignRun.update(active=True).where(CampaignRun.code == "spring_festival").execute()
        assert [p.name for p in due_now(now=morning)] == ["春节烟花爆竹巡逻"]
    finally:
        close_store()
