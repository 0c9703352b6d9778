"""On a route walked in order (按顺序巡逻), scanning CP-03 before CP-02 was accepted with
no sign: the order was judged only in the ledger export. The scan is still recorded,
and says which checkpoints before it are not visited yet; in order, it says nothing more."""

from __future__ import annotations

from pathlib import Path

from patrol_screen_support import ROUTE_ID, placard, seed_patrol_store

from fieldapp.i18n import t


def test_a_scan_out_of_order_is_recorded_and_says_so(home: Path) -> None:
    from fieldapp.services.patrols import runs
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()
    PatrolRoute.update(ordered=True).execute()
    run = runs.start_run(ROUTE_ID)
    first = runs.record_scan(run.id, placard("CP-01"), "wedge")
    assert first.message == t("patrol.scan.ok", checkpoint="村东口 CP-01")
    skipped = runs.record_scan(run.id, placard("CP-04"), "wedge")
    assert skipped.accepted
    said = t("patrol.scan.ok", checkpoint="消防室 CP-04")
    assert skipped.message == said + t("patrol.scan.out_of_order", points="CP-02、CP-03")
