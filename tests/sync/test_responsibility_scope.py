"""包保 outside one's grids: a cadre of grid V1 made responsible for a household of V2 gets
that household — its people, follow-ups and readings — on the device, records readings the
server accepts, never sees the neighbours, and loses the household at the next sync after
the responsibility ends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from people_support import (
    CHEAP_KDF,
    PIN,
    has_member_named,
    member_named,
    office_clock_at,
    record_when_open,
    returnee_family,
)

from fieldapp.cli import main
from fieldapp.domain import device_pin
from fieldapp.domain.ids import new_id
from fieldapp.services.common import device_lock
from fieldapp.services.followups import plans
from fieldapp.services.people import registry, responsibilities
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.store.followup_models import FollowupPlan, FollowupReading
from fieldapp.store.people_models import Household, HouseholdMember
from fieldapp.store.personal_data import LOCKED_OPS_WARNING
from sync.server import db as server_db
from sync.server.followup_models import FollowupReading as ServerReading
from sync.server.responsibility_import import import_responsibilities

NORMAL = {"FUP-01": "36.6", "FUP-02": "yes"}
AT = "2026-06-10T02:00:00.000Z"


def _assign(tmp_path: Path, rows: str) -> None:
    path = tmp_path / "baobao.csv"
    path.write_text("cadre,grid,household\n" + rows, encoding="utf-8")
    with server_db.current().connection_context():
        import_responsibilities(path)


def _server_readings(plan_id: str) -> int:
    with server_db.current().connection_context():
        return ServerReading.select().where(ServerReading.plan == plan_id).count()


def _end_on_the_command_line(db_url: str) -> None:
    def run(*args: str) -> Result:
        return CliRunner().invoke(main, ["--lang", "en", "admin", "--db", db_url, *args])

    wrong = run("end-responsibility", "张三", "V2", "DM-018")
    assert wrong.exit_code == 1
    assert "张三 is not responsible for household DM-018 of V2" in wrong.output
    ended = run("end-responsibility", "张三", "V2", "DM-017")
    assert ended.exit_code == 0, ended.output
    assert "张三 (p-insp) is no longer responsible for household DM-017 of V2" in ended.output


@pytest.mark.parametrize("ending", ["reimport", "command"])
def test_a_cadre_holds_and_writes_only_the_households_of_their_baobao(
    make_device, live_server, tmp_path, ending, chinese, monkeypatch
):  # chinese: the language goes back after the command's --lang en
    worker = make_device("v2").enroll("p-insp2")  # 王五, grid V2
    with worker.client() as client:
        assert client.sync_once().ok
    family = registry.save_household(returnee_family("V2"))  # DM-017 in V2
    neighbours = registry.save_household(
        HouseholdForm(grid_code="V2", code="DM-018", members=[MemberForm("黄邻居")])
    )
    neighbour = member_named("黄邻居")
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    neighbour_plan = plans.create_plan(neighbour.id)
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result

    _assign(tmp_path, "张三,V2,DM-017\n")
    cadre = make_device("cadre").enroll("p-insp")  # 张三, grid V1
    with cadre.client() as client:
        assert client.sync_once().ok
    assert [h.id for h in registry.households()] == [family]
    assert [h.id for h in registry.households(cadre="p-insp")] == [family]
    assert [(c.person_id, c.households) for c in responsibilities.cadres()] == [("p-insp", 1)]
    assert Household.get_or_none(Household.id == neighbours) is None
    assert not has_member_named("黄邻居")
    assert not FollowupPlan.select().where(FollowupPlan.id == neighbour_plan).exists()

    father = member_named("陈建国")
    plan_id = plans.create_plan(father.id)  # at 07:00 too: its 08:00 reading is open
    first = plans.due_readings()[0]
    record_when_open(plan_id, first.slot_at, NORMAL)
    # Writes to the neighbours, as a device that somehow knew their ids would send them.
    cadre.enqueue("followup.reading", {
        "id": new_id(), "plan_id": neighbour_plan, "slot_at": first.slot_at, "taken_at": AT,
        "answers": NORMAL, "failed": [], "recorded_by": "p-insp", "device_id": "",
    })  # fmt: skip
    cadre.enqueue("household.upsert", {
        "id": neighbours, "grid_code": "V2", "code": "DM-018", "address": "改了", "updated_at": AT,
        "updated_by": "p-insp", "members": [], "vehicles": [],
    })  # fmt: skip
    with cadre.client() as client:
        result = client.sync_once()
    assert result.pushed == 2, result  # the plan and the reading of the family
    assert sorted(r.type for r in result.rejected) == ["followup.reading", "household.upsert"]
    assert all("not among the grids of 张三" in r.reason for r in result.rejected)
    assert _server_readings(plan_id) == 1 and _server_readings(neighbour_plan) == 0
    assert Household.get_or_none(Household.id == neighbours) is None

    worker.open()  # the grid's own worker sees the cadre's reading
    with worker.client() as client:
        assert client.sync_once().ok
    assert FollowupReading.select().where(FollowupReading.plan == plan_id).count() == 1

    if ending == "reimport":
        _assign(tmp_path, "王五,V2,DM-017\n")  # the family is given to 王五 instead
    else:
        _end_on_the_command_line(live_server.db_url)
    with cadre.client() as client:
        result = client.sync_once()
    assert result.ok and result.rescoped, result
    assert Household.select().count() == 0 and HouseholdMember.select().count() == 0
    assert FollowupPlan.select().count() == 0 and FollowupReading.select().count() == 0
    assert registry.households() == [] and responsibilities.cadres() == []
    with cadre.client() as client:
        again = client.sync_once()
    assert again.ok and not again.rescoped and again.pulled == 0
    assert Household.select().count() == 0


def test_a_cadre_given_another_household_in_place_of_theirs_swaps_it_at_the_next_sync(
    make_device, tmp_path
):
    worker = make_device("v2").enroll("p-insp2")  # 王五, grid V2
    with worker.client() as client:
        assert client.sync_once().ok
    family = registry.save_household(returnee_family("V2"))  # DM-017 in V2
    neighbours = registry.save_household(
        HouseholdForm(grid_code="V2", code="DM-018", members=[MemberForm("黄邻居")])
    )
    with worker.client() as client:
        assert client.sync_once().ok
    _assign(tmp_path, "张三,V2,DM-017\n")
    cadre = make_device("cadre").enroll("p-insp")  # 张三, grid V1
    with cadre.client() as client:
        assert client.sync_once().ok
    assert [h.id for h in registry.households()] == [family]

    # The office's corrected list gives the family to 王五 and the neighbours to 张三: as
    # many households as before, but other ones.
    _assign(tmp_path, "王五,V2,DM-017\n张三,V2,DM-018\n")
    with cadre.client() as client:
        result = client.sync_once()
    assert result.ok, result
    assert [h.id for h in registry.households()] == [neighbours]
    assert has_member_named("黄邻居") and not has_member_named("陈建国")
    assert result.rescoped


def test_a_server_database_from_before_gets_its_feed_marked_for_the_cadres(
    make_device, live_server, tmp_path
):
    worker = make_device("v2").enroll("p-insp2")
    with worker.client() as client:
        assert client.sync_once().ok
    family = registry.save_household(returnee_family("V2"))
    plan_id = plans.create_plan(member_named("陈建国").id)
    with worker.client() as client:
        assert client.sync_once().ok
    _assign(tmp_path, "张三,V2,DM-017\n")
    live_server.restart_from_before("change_log", "household_id")

    cadre = make_device("cadre").enroll("p-insp")
    with cadre.client() as client:
        assert client.sync_once().ok
    assert [h.id for h in registry.households()] == [family]
    assert [p.id for p in FollowupPlan.select()] == [plan_id]


def test_locked_a_device_keeps_the_household_its_unsent_reading_needs_until_the_pin(
    make_device, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)
    worker = make_device("v2").enroll("p-insp2")
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family("V2"))
    with worker.client() as client:
        assert client.sync_once().ok
    _assign(tmp_path, "张三,V2,DM-017\n")
    cadre = make_device("cadre").enroll("p-insp")
    with cadre.client() as client:
        assert client.sync_once().ok
    device_lock.set_pin(PIN)
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    plan_id = plans.create_plan(member_named("陈建国").id)
    record_when_open(plan_id, plans.due_readings()[0].slot_at, NORMAL)
    device_lock.lock()  # idle lock before the next sync

    _assign(tmp_path, "王五,V2,DM-017\n")
    with cadre.client() as client:
        pulled = client.pull()  # a pull on its own (as the demo's first) says so too
    assert pulled.warnings == [LOCKED_OPS_WARNING], pulled
    with cadre.client() as client:
        result = client.sync_once()
    assert result.warnings == [LOCKED_OPS_WARNING] and not result.errors, (
        result
    )  # it waits, said once
    assert Household.select().count() == 1 and FollowupReading.select().count() == 1

    device_lock.unlock(PIN)
    with cadre.client() as client:
        result = client.sync_once()
    assert result.rescoped and LOCKED_OPS_WARNING not in result.warnings, result
    assert [r.type for r in result.rejected] == ["followup.plan", "followup.reading"]
    assert Household.select().count() == 0 and FollowupReading.select().count() == 0
