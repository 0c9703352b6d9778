"""With a patrol run in progress (its screen left with Esc), F2 and a checkpoint's code
typed (DM-CP02) said 请先开始巡逻（Ctrl+G）, though the run was started. It says the
code is the run's checkpoint and points to its check-in by hand with a reason (m)."""

from __future__ import annotations

from pathlib import Path

from patrol_screen_support import ROUTE_ID, placard, seed_patrol_store

from fieldapp.domain.clock import now_iso
from fieldapp.i18n import t
from fieldapp.services.inspection.scan_proof import TYPED, WEDGE, ScanMark
from fieldapp.tui.parts.scan_checks import check_scan


def test_a_typed_code_of_the_run_in_progress_points_to_by_hand(home: Path) -> None:
    from fieldapp.services.patrols import runs

    seed_patrol_store()
    mark = ScanMark.now(TYPED, now_iso())
    before = check_scan("cp-02", mark, over_inspection=False).refusal
    assert before == t("patrol.scan.outside_run", code="CP-02")  # no run: start one
    runs.start_run(ROUTE_ID)
    said = check_scan("cp-02", mark, over_inspection=False).refusal
    assert said == t("patrol.scan.typed_in_run", code="CP-02")


def test_a_checkpoint_scanned_with_its_campaign_off_says_why_none_starts(home: Path) -> None:
    """At 03:04 with 春节禁燃 off, scanning DM-CP02 said 请先开始巡逻（Ctrl+G） though ctrl+g
    starts nothing; it now says why, as Enter on that list does."""
    from fieldapp.services.common.campaigns import clear_cache, load_campaigns
    from fieldapp.store.campaign_models import Campaign, CampaignRun
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()
    PatrolRoute.update(campaign="spring_festival").execute()
    clear_cache()
    load_campaigns()
    version = max(c.version for c in Campaign.select().where(Campaign.code == "spring_festival"))
    CampaignRun.insert(code="spring_festival", version=version, active=False).execute()
    scanned = ScanMark.now(WEDGE, now_iso())
    said = check_scan(placard("CP-02"), scanned, over_inspection=False).refusal
    assert said.startswith("CP-02 是巡逻点位标牌——现在没有可以开始的巡逻"), said
    assert "专项行动“春节禁燃”" in said and "Ctrl+G" not in said and said.endswith("。"), said
