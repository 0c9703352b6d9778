"""A controlled person's plan travels with its 三包一 team, and its early end (when, by
whom, why) reaches the server and the other devices of the grid — over a real loopback
server. The team and the end are optional fields: a plan without them still syncs, and
the server refuses a team that lacks someone, as the device does."""

from __future__ import annotations

import datetime as dt

import pytest
from people_support import member_named, office_clock_at, returnee_family

from fieldapp.domain.clock import local_now
from fieldapp.domain.control_team import team_of
from fieldapp.services.followups import plan_end, plans
from fieldapp.services.people import registry
from fieldapp.store.followup_models import FollowupPlan
from sync.protocol import FollowupPlanPayload
from sync.server import db as server_db
from sync.server.followup_models import FollowupPlan as ServerPlan

TEAM = team_of({"town_cadre": ["王建华"], "village_cadre": ["李明", "赵芳"],
                "medical_worker": ["周丽"]})  # fmt: skip


def test_the_team_and_the_early_end_reach_the_server_and_the_grid_head(make_device, monkeypatch):
    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family())
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 and 16:00 are its slots
    plan_id = plans.create_plan(member_named("陈建国").id, team=TEAM)
    plain = plans.create_plan(member_named("林秀英").id)  # no team: as before
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        held = ServerPlan.get_by_id(plan_id)
        assert [m["name"] for m in held.team] == ["王建华", "李明", "赵芳", "周丽"]
        assert held.ended_at is None and ServerPlan.get_by_id(plain).team == []

    office_clock_at(monkeypatch, dt.time(10, 0))  # ended after its 08:00 reading
    plan_end.end_plan(plan_id, "转市人民医院隔离")
    now = local_now().strftime(plans.SLOT_FORMAT)
    kept = plans.slots(FollowupPlan.get_by_id(plan_id))
    assert kept and all(slot <= now for slot in kept), kept  # the 16:00 and later go
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        held = ServerPlan.get_by_id(plan_id)
        assert (held.end_reason, held.ended_by) == ("转市人民医院隔离", "p-insp")

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    seen = FollowupPlan.get_by_id(plan_id)
    assert [m["role"] for m in seen.team].count("village_cadre") == 2
    assert seen.end_reason == "转市人民医院隔离" and seen.ended_by == "p-insp"
    # Ended, the person can have a new plan at once.
    assert plans.running_plan(str(member_named("陈建国").id)) is None


def test_an_older_device_s_plan_without_team_or_end_is_still_read() -> None:
    payload = {"id": "p1", "member_id": "m1", "grid_code": "V1", "form_id": "followup_health",
               "cadence": "twice_daily", "times": [], "start_on": "2026-06-10", "days": 14,
               "responsible": ["p-insp"], "created_by": "p-insp",
               "created_at": "2026-06-10T00:00:00Z"}  # fmt: skip
    plan = FollowupPlanPayload.model_validate(payload)
    assert plan.team == [] and plan.ended is None
    with pytest.raises(ValueError):
        FollowupPlanPayload.model_validate({**payload, "team": [{"role": "mayor", "name": "x"}]})


def test_the_server_refuses_a_team_lacking_someone(make_device, monkeypatch) -> None:
    """A device that let a two-person team through (an older or altered one) is refused."""
    from types import SimpleNamespace

    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family())
    monkeypatch.setattr(plans, "control_team", SimpleNamespace(shortfall=lambda team: {}))
    short = team_of({"town_cadre": ["王建华"], "village_cadre": ["李明"]})
    plan_id = plans.create_plan(member_named("陈建国").id, team=short)
    with worker.client() as client:
        result = client.sync_once()
    assert result.rejected, result
    with server_db.current().connection_context():
        assert ServerPlan.get_or_none(ServerPlan.id == plan_id) is None
