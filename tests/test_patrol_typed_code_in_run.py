"""With a patrol run in progress (its screen left with Esc), F2 and a checkpoint's code
typed (DM-CP02) said 请先开始巡逻（Ctrl+G）, though the run was started. It says the
code is the run's checkpoint and points to its check-in by hand with a reason (m)."""

from __future__ import annotations

from pathlib import Path

from patrol_screen_support import ROUTE_ID, seed_patrol_store

from fieldapp.domain.clock import now_iso
from fieldapp.i18n import t
from fieldapp.services.inspection.scan_proof import TYPED, ScanMark
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
