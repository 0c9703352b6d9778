"""The server checks what a patrol run claims: a forged placard is kept as an unverified
(manual) visit with the reason, a checkpoint off the route or a run in another person's
name is refused, a manual visit needs a reason (and its note, when typed, says something),
and the same op again is answered `duplicate`."""

from __future__ import annotations

import datetime as dt

from patrol_support import import_patrols, placards

from fieldapp.domain import patrols
from fieldapp.domain.ids import new_id
from sync.server import db as server_db
from sync.server import patrols as server_patrols
from sync.server.patrol_models import Checkpoint, PatrolRun, PatrolScan

DAY = "2026-02-04"


def _run(route_id: str, person: str, scans: list[dict]) -> dict:  # type: ignore[type-arg]
    return {"id": new_id(), "route_id": route_id, "person": person, "day": DAY,
            "window": "06:30-09:00", "utc_offset": 480, "started_at": "2026-02-03T22:35:00Z",
            "finished_at": "2026-02-03T23:50:00Z", "scans": scans}  # fmt: skip


def _scan(checkpoint_id: str, at: str, source: str = "wedge", **extra: str) -> dict:  # type: ignore[type-arg]
    return {"id": new_id(), "checkpoint_id": checkpoint_id, "at": at, "source": source, **extra}


def test_the_server_judges_each_claim_of_a_run(api, server_workdir):
    route_id = import_patrols(server_workdir)
    signed = placards(["CP-01", "CP-02"])
    with server_db.current().connection_context():
        ids = {c.code: c.id for c in Checkpoint.select()}
    forged = signed["CP-02"][:-4] + "AAAA"
    good = _run(route_id, "p-insp", [
        _scan(ids["CP-01"], "2026-02-03T22:40:00Z", payload=signed["CP-01"]),  # 06:40 local
        _scan(ids["CP-02"], "2026-02-03T22:50:00Z", payload=forged),
        _scan(ids["CP-03"], "2026-02-03T23:00:00Z", "manual", reason="placard_missing"),
        _scan(ids["CP-04"], "2026-02-04T01:10:00Z", payload=signed["CP-01"]),  # CP-01's placard
    ])  # fmt: skip
    op = api.op("patrol_run.submit", good)
    assert api.push([op]).json()["results"][0]["status"] == "applied"
    again = api.push([op]).json()["results"][0]
    assert again["status"] == "duplicate"
    off_route = _run(route_id, "p-insp", [_scan("elsewhere", "2026-02-03T22:40:00Z")])
    no_reason = _run(route_id, "p-insp", [_scan(ids["CP-01"], "2026-02-03T22:40:00Z", "manual")])
    someone_else = _run(route_id, "p-insp2", [])
    # As an older device sent it: 标牌缺失 with a note of one emoji (the device refuses it).
    emoji_note = _run(route_id, "p-insp", [
        _scan(ids["CP-01"], "2026-02-03T22:40:00Z", "manual", reason="placard_missing", note="😀"),
    ])  # fmt: skip
    results = api.push(
        [api.op("patrol_run.submit", p) for p in (off_route, no_reason, someone_else, emoji_note)]
    ).json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 4
    assert (results[3]["reason_code"], results[3]["reason_params"]) == (
        "free_text",
        {"text_rule": "note"},
    )
    assert "not on route FW-01" in results[0]["reason"]
    assert "without a reason" in results[1]["reason"]
    # coded, so the device says them in its person's language
    assert (results[0]["reason_code"], results[0]["reason_params"]) == (
        "scan_off_route",
        {"route": "FW-01"},
    )
    assert results[1]["reason_code"] == "scan_without_reason"
    with server_db.current().connection_context():
        assert PatrolRun.select().count() == 1
        verdicts = {s.checkpoint: (s.check, s.check_reason) for s in PatrolScan.select()}
        judged = server_patrols.attendance(
            dt.date(2026, 2, 4), dt.date(2026, 2, 4), now=dt.datetime(2026, 2, 4, 10, 0)
        )
    assert verdicts[ids["CP-01"]] == ("verified", "")
    assert verdicts[ids["CP-02"]] == ("unverified", "forged")
    assert verdicts[ids["CP-03"]] == ("", "")  # manual from the start: nothing to check
    assert verdicts[ids["CP-04"]] == ("unverified", "wrong_venue")
    morning = next(a for _r, _d, w, a in judged if w.label == "06:30-09:00")
    # Every checkpoint visited, one after the window (09:10 local), three without proof.
    assert morning.status == patrols.LATE and morning.late == (ids["CP-04"],)
    assert set(morning.manual) == {ids["CP-02"], ids["CP-03"], ids["CP-04"]}
