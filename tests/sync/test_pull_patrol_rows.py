"""Pulled checkpoints, patrol routes and runs on the device (sync/client/patrol_rows): one
whose grid or route this device does not hold is skipped with a warning that says why, and
the rest of the page is applied.

Applied directly to a real store file (`tree`) in the feed's record shapes
(sync.server.patrol_import, sync.server.patrols), as the pull does.
"""

from __future__ import annotations

from rounds_support import INSPECTOR_A11
from test_pull_apply import pull

from fieldapp.store.patrol_models import Checkpoint, PatrolRoute, PatrolRun, PatrolScan

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


# --- what the office changed, and runs pulled whole ----------------------------------------

LATER = "2026-06-11T02:00:00.000Z"


def test_a_checkpoint_the_office_changed_is_shown_changed_here(tree) -> None:
    """Renamed, moved, a new contact, coordinates and a short form: pulled again, the device
    holds the office's checkpoint as it is now."""
    pull(("checkpoint", checkpoint("c-1", "KK-01", "A11")))
    changed = {
        **checkpoint("c-1", "KK-01", "A11"), "name": "东村消防栓", "kind": "hydrant",
        "address": "东村新路口", "contact": "李队", "phone": "13800000000", "form": "hydrant",
        "lat": 24.51, "lon": 118.12, "updated_at": LATER,
    }  # fmt: skip
    assert pull(("checkpoint", changed)) == []
    held = Checkpoint.get_by_id("c-1")
    fields = ("name", "kind", "address", "contact", "phone", "form", "lat", "lon", "updated_at")
    assert {f: getattr(held, f) for f in fields} == {f: changed[f] for f in fields}


def test_a_route_the_office_changed_is_shown_changed_here(tree) -> None:
    pull(
        ("checkpoint", checkpoint("c-1", "KK-01", "A11")),
        ("checkpoint", checkpoint("c-2", "KK-02", "A11")),
        ("patrol_route", route("r-1", "XL-01", "A11")),
    )
    changed = {
        **route("r-1", "XL-01", "A11"), "name": "春节禁燃夜巡", "campaign": "fireworks-2027",
        "ordered": True, "checkpoints": ["c-2", "c-1"],
        "schedule": {"windows": ["18:00-20:00"], "days": "daily"}, "team": "东村巡逻队",
        "people": [INSPECTOR_A11], "active": False, "updated_at": LATER,
    }  # fmt: skip
    assert pull(("patrol_route", changed)) == []
    held = PatrolRoute.get_by_id("r-1")
    fields = ("name", "campaign", "ordered", "checkpoints", "schedule", "team", "people",
              "active", "updated_at")  # fmt: skip
    assert {f: getattr(held, f) for f in fields} == {f: changed[f] for f in fields}


def test_a_checkpoint_whose_code_this_device_holds_under_another_id_is_skipped(tree) -> None:
    pull(("checkpoint", checkpoint("c-1", "KK-01", "A11")))
    warnings = pull(
        ("checkpoint", checkpoint("c-2", "KK-01", "A11")),  # the code of c-1
        ("checkpoint", checkpoint("c-3", "KK-03", "A11")),
        ("checkpoint", checkpoint("c-4", "KK-03", "A11")),  # the code c-3 took on this page
    )
    assert warnings == [
        "checkpoint KK-01 skipped: this device has that code elsewhere",
        "checkpoint KK-03 skipped: this device has that code elsewhere",
    ]
    assert {c.id: c.code for c in Checkpoint.select()} == {"c-1": "KK-01", "c-3": "KK-03"}


SCAN = {
    "id": "s-1", "checkpoint": "c-1", "at": STAMP, "source": "wedge",
    "payload": "FA1:KK-01:ABCDE:SIG", "reason": "", "note": "路口有人摆摊",
    "photos": ["ab" * 32], "answers": {"no_sale_seen": "no"}, "incident": "inc-1",
    "check": "verified", "check_reason": "",
}  # fmt: skip


def test_a_teammates_run_is_kept_whole_with_its_scans(tree) -> None:
    teammates = {**run("run-1", "r-1"), "note": "夜巡正常", "scans": [SCAN]}
    pull(
        ("checkpoint", checkpoint("c-1", "KK-01", "A11")),
        ("patrol_route", route("r-1", "XL-01", "A11")),
        ("patrol_run", teammates),
    )
    held = PatrolRun.get_by_id("run-1")
    fields = ("person", "device_id", "day", "window", "utc_offset", "started_at",
              "finished_at", "note")  # fmt: skip
    assert {f: getattr(held, f) for f in fields} == {f: teammates[f] for f in fields}
    assert (held.route_id, held.status) == ("r-1", "finished")
    scan = PatrolScan.get_by_id("s-1")
    assert scan.run_id == "run-1"
    assert {f: getattr(scan, f) for f in SCAN} == SCAN


def test_my_own_run_pulled_back_takes_only_the_servers_verdict_on_each_scan(tree) -> None:
    pull(
        ("checkpoint", checkpoint("c-1", "KK-01", "A11")),
        ("patrol_route", route("r-1", "XL-01", "A11")),
    )
    mine = run("run-1", "r-1")
    PatrolRun.create(
        id="run-1", route="r-1", status="finished", note="我的备注",
        **{f: mine[f] for f in ("person", "device_id", "day", "window", "started_at")},
    )  # fmt: skip
    PatrolScan.create(run="run-1", **{**SCAN, "check": "", "check_reason": ""})
    back = {
        **mine,
        "note": "",
        "scans": [{**SCAN, "check": "unverified", "check_reason": "unknown_key"}],
    }
    assert pull(("patrol_run", back)) == []
    assert PatrolRun.get_by_id("run-1").note == "我的备注"  # its own record, kept
    scan = PatrolScan.get_by_id("s-1")
    assert (scan.check, scan.check_reason) == ("unverified", "unknown_key")
    assert scan.note == SCAN["note"]


def test_a_page_holding_a_checkpoint_changed_twice_shows_the_later(tree) -> None:
    first = checkpoint("c-1", "KK-01", "A11")
    assert pull(("checkpoint", first), ("checkpoint", {**first, "name": "东村卡口（新）"})) == []
    assert Checkpoint.get_by_id("c-1").name == "东村卡口（新）"


def test_my_runs_on_one_page_all_take_their_verdicts_and_the_runs_after_them_come(tree) -> None:
    pull(
        ("checkpoint", checkpoint("c-1", "KK-01", "A11")),
        ("patrol_route", route("r-1", "XL-01", "A11")),
    )
    for n in (1, 2):
        mine = run(f"run-{n}", "r-1")
        PatrolRun.create(
            id=mine["id"], route="r-1", status="finished",
            **{f: mine[f] for f in ("person", "device_id", "day", "window", "started_at")},
        )  # fmt: skip
        PatrolScan.create(run=mine["id"], **{**SCAN, "id": f"s-{n}", "check": ""})
    back = [
        {**run(f"run-{n}", "r-1"), "scans": [{**SCAN, "id": f"s-{n}", "check": "verified"}]}
        for n in (1, 2)
    ]
    teammates = {**run("run-3", "r-1"), "scans": [{**SCAN, "id": "s-3"}]}
    assert pull(*(("patrol_run", r) for r in (*back, teammates))) == []
    assert {s.id: s.check for s in PatrolScan.select()} == {
        "s-1": "verified",
        "s-2": "verified",
        "s-3": "verified",
    }
    assert PatrolRun.select().count() == 3


def test_a_teammates_run_twice_on_one_page_is_kept_once(tree) -> None:
    pull(
        ("checkpoint", checkpoint("c-1", "KK-01", "A11")),
        ("patrol_route", route("r-1", "XL-01", "A11")),
    )
    sent = {**run("run-1", "r-1"), "scans": [{**SCAN, "check": ""}]}
    checked = {**sent, "scans": [SCAN]}  # the server's verdict came after
    assert pull(("patrol_run", sent), ("patrol_run", checked)) == []
    assert [r.id for r in PatrolRun.select()] == ["run-1"]
    assert PatrolScan.get_by_id("s-1").check == "verified"
