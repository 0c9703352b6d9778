"""A checkpoint on two of my routes due now (DM-CP04 on DM-FW and DM-NT, 18:00-20:00):
once DM-FW's run of the window was finished, scanning the placard outside a run opened
that finished run ("这次巡逻已经结束并提交，不能再修改") and DM-NT was not started. The
scan starts the route not walked in its window yet."""

from __future__ import annotations

from pathlib import Path

from patrol_screen_support import ROUTE_ID, placard, point_id, seed_patrol_store


def test_the_placard_starts_the_route_not_walked_in_this_window(home: Path) -> None:
    from inspect_support import PERSON_ID

    from fieldapp.services.patrols import runs
    from fieldapp.services.patrols.placard_start import patrol_of_placard
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()  # FW-01, walked below
    night = "0190a000-0000-7000-8000-00000000r002"
    PatrolRoute.create(
        id=night, code="NT-01", name="夜间巡逻", grid="T01", ordered=False,
        checkpoints=[point_id("CP-04")],
        schedule={"days": ["daily"], "windows": ["00:00-23:59"]}, people=[PERSON_ID],
    )  # fmt: skip
    walked = runs.start_run(ROUTE_ID)
    runs.record_scan(walked.id, placard("CP-04"), "wedge")
    runs.finish_run(walked.id)

    found = patrol_of_placard("CP-04")
    assert found is not None
    assert (found.route_id, found.run_id) == (night, "")
    runs.finish_run(runs.start_run(night).id)
    # both walked: the first is given (its run says it is finished)
    assert patrol_of_placard("CP-04") is not None
