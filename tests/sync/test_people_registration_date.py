"""A person's registration date (the 18:00 登记台账) over a real server: set on the device
that first saves the person, kept by the server and brought to a supervisor's device,
never moved by a later edit; an older device's payload without it still applies (unknown:
the report counts by arrival), and a server database from before gets the column."""

from __future__ import annotations

import datetime as dt

import pytest
from people_support import FATHER, member_named, returnee_family
from rounds_support import CHINA, china_clock

from fieldapp.domain.ids import new_id
from fieldapp.services.daily_report import reports
from fieldapp.services.people import registry
from fieldapp.store.people_models import HouseholdMember
from sync.server import db as server_db
from sync.server.people_models import HouseholdMember as ServerMember


def _server_dates() -> dict[str, str | None]:
    with server_db.current().connection_context():
        return {m.id: m.registered_on for m in ServerMember.select()}


def _returnees(day: dt.date) -> int:
    return int(reports.report_counts("V1", day)["returnees_registered"])


def test_the_date_reaches_the_server_and_the_supervisor_and_an_edit_keeps_it(
    make_device, monkeypatch: pytest.MonkeyPatch
) -> None:
    with china_clock(monkeypatch) as clock:
        now = dt.datetime.now(CHINA)
        clock.set(now)
        today, tomorrow = now.date(), now.date() + dt.timedelta(days=1)
        worker = make_device("worker").enroll("p-insp")  # grid V1
        with worker.client() as client:
            assert client.sync_once().ok
        family = returnee_family()
        for member in family.members:  # back yesterday, registered today
            member.arrived_on = (today - dt.timedelta(days=1)).isoformat()
        household_id = registry.save_household(family)
        with worker.client() as client:
            result = client.sync_once()
        assert result.ok and not result.rejected, result
        assert set(_server_dates().values()) == {today.isoformat()}

        clock.set(now + dt.timedelta(days=1))  # the next day the worker adds a note
        form = returnee_family()
        form.id = household_id
        for member in form.members:
            member.id = member_named(member.name).id
            member.id_number = member.phone = ""
            member.note = "已电话回访"
        registry.save_household(form)
        clock.set(now)
        with worker.client() as client:
            result = client.sync_once()
        assert result.ok and not result.rejected, result
        assert set(_server_dates().values()) == {today.isoformat()}

        supervisor = make_device("supervisor").enroll("p-sup")  # town T1, above V1
        with supervisor.client() as client:
            assert client.sync_once().ok
        assert {m.registered_on for m in HouseholdMember.select()} == {today}
        assert member_named("陈建国").note == "已电话回访"
        assert (_returnees(today - dt.timedelta(days=1)), _returnees(today)) == (0, 3)
        assert _returnees(tomorrow) == 0


def test_an_older_device_s_payload_without_the_date_applies_on_an_older_database(
    make_device, live_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    live_server.restart_from_before("household_member", "registered_on")
    with china_clock(monkeypatch) as clock:
        clock.set(dt.datetime.now(CHINA))
        arrived = clock.at.date() - dt.timedelta(days=1)
        worker = make_device("worker").enroll("p-insp")
        with worker.client() as client:
            assert client.sync_once().ok
        person = new_id()
        worker.enqueue("household.upsert", {  # as a device from before sent it
            "id": new_id(), "grid_code": "V1", "code": "DM-090", "vehicles": [],
            "updated_at": "2026-06-10T02:00:00Z", "updated_by": "p-insp",
            "members": [{"id": person, "name": "黄老伯", "tags": ["returnee"],
                         "arrived_on": arrived.isoformat()}],
        })  # fmt: skip
        with worker.client() as client:
            result = client.sync_once()
        assert result.ok and not result.rejected, result
        assert _server_dates() == {person: None}

        supervisor = make_device("supervisor").enroll("p-sup")
        with supervisor.client() as client:
            assert client.sync_once().ok
        assert HouseholdMember.get_by_id(person).registered_on is None
        assert (_returnees(arrived), _returnees(clock.at.date())) == (1, 0)  # by arrival


def test_an_import_registers_new_people_today_and_keeps_the_date_of_those_held(
    seed, server_workdir
) -> None:
    from sync.server.people_import import import_people_registry

    path = server_workdir / "people.csv"
    path.write_text(
        "grid,household,name,id_number,tags,arrived_on\n"
        f"V1,DM-017,陈建国,{FATHER},返乡人员,2026-06-09\n",
        encoding="utf-8",
    )
    with server_db.current().connection_context():
        import_people_registry(path)
        assert set(_server_dates().values()) == {dt.date.today().isoformat()}
        ServerMember.update(registered_on="2026-06-01").execute()
        import_people_registry(path)  # the same person (by ID number) is updated
        assert list(_server_dates().values()) == ["2026-06-01"]
