"""Pulled checkpoints, patrol routes and runs on the device (sync/client/patrol_rows): one
whose grid or route this device does not hold is skipped with a warning that says why, and
the rest of the page is applied.

Applied directly to a real store file (`tree`) in the feed's record shapes
(sync.server.patrol_import, sync.server.patrols), as the pull does.
"""

from __future__ import annotations

from rounds_support import INSPECTOR_A11
from test_pull_apply import pull

from fieldapp.store.patrol_models import Checkpoint, PatrolRoute, PatrolRun

STAMP = "2026-06-10T02:00:00.000Z"


def checkpoint(checkpoint_id: str, code: str, grid: str) -> dict:
    return {
        "id": checkpoint_id, "code": code, "name": f"卡口{code}", "kind": "checkpoint",
        "address": "东村路口", "grid": grid, "contact": "", "phone": "", "form": "",
        "lat": None, "lon": None, "updated_at": STAMP,
    }  # fmt: skip


def route(route_id: str, code: str, grid: str) -> dict:
    return {
        "id": route_id, "code": code, "name": f"夜巡{code}", "grid": grid, "campaign": "",
        "ordered": False, "checkpoints": [], "schedule": {}, "team": "", "people": [],
        "active": True, "updated_at": STAMP,
    }  # fmt: skip


def run(run_id: str, route_id: str) -> dict:
    return {
        "id": run_id, "route_id": route_id, "person": INSPECTOR_A11, "device_id": "d-2",
        "day": "2026-06-10", "window": "night", "utc_offset": 480, "started_at": STAMP,
        "finished_at": STAMP, "note": "", "received_at": STAMP, "scans": [],
    }  # fmt: skip


def test_a_checkpoint_of_a_grid_not_on_this_device_is_skipped_and_the_rest_applied(tree) -> None:
    warnings = pull(
        ("checkpoint", checkpoint("c-9", "KK-09", "V9")),
        ("checkpoint", checkpoint("c-1", "KK-01", "A11")),
    )
    assert warnings == ["checkpoint KK-09 skipped: its grid is not on this device"]
    assert [c.code for c in Checkpoint.select()] == ["KK-01"]


def test_a_route_of_a_grid_not_on_this_device_is_skipped_and_the_rest_applied(tree) -> None:
    warnings = pull(
        ("patrol_route", route("r-9", "XL-09", "V9")),
        ("patrol_route", route("r-1", "XL-01", "A11")),
    )
    assert warnings == ["patrol route XL-09 skipped: its grid is not on this device"]
    assert [r.code for r in PatrolRoute.select()] == ["XL-01"]


def test_a_run_of_a_route_not_on_this_device_is_skipped_and_a_teammates_run_kept(tree) -> None:
    warnings = pull(
        ("patrol_route", route("r-1", "XL-01", "A11")),
        ("patrol_run", run("run-9", "r-elsewhere")),
        ("patrol_run", run("run-1", "r-1")),
    )
    assert warnings == ["patrol run run-9 skipped: its route is not on this device"]
    assert [r.id for r in PatrolRun.select()] == ["run-1"]
