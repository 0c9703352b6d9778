"""A person's note changed on two devices 70 ms apart was recorded as `changed meanwhile
by "" to "A设备备注"`: the name came from the household's last writer, read apart from the
person's value, so an office import ("admin", no person) or any later writer of the
household stood in for whoever wrote the value, and on PostgreSQL the household could be
read before the other device's commit and the person after it. The name is now read from
the row holding the value, under the household's lock, and an office import is named as
such. Every test runs on SQLite and, with FIELDAPP_TEST_PG_URL, PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest
from people_support import FATHER, held_on_two_devices

from fieldapp.i18n import written_in
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.services.syncing.conflicts import conflict_line
from fieldapp.store.people_models import Household
from sync.server import db as server_db
from sync.server.people_import import import_people_registry

HEADER = "grid,household,building,name,sex,birth_year,id_number,phone,tags,arrived_on,plate\n"


def _import(workdir: Path, rows: str) -> None:
    """The office's `fieldapp admin import-people-registry` of `rows`."""
    path = workdir / "people.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with server_db.current().connection_context():
        import_people_registry(path)


def _edit(household_id: str, name: str, **changed: Any) -> None:
    """Person `name` edited on the people screen (F11, e): `changed`, the rest as held."""
    view = registry.household(household_id)
    members = []
    for m in view.members:
        held = {"sex": m.sex, "birth_year": str(m.birth_year or ""), "tags": m.tags,
                "note": m.note, "arrived_on": m.arrived_on.isoformat() if m.arrived_on else ""}  # fmt: skip
        members.append(
            MemberForm(m.name, id=m.id, **{**held, **(changed if m.name == name else {})})
        )
    form = HouseholdForm(grid_code=view.grid_code, id=view.id, code=view.code,
                         address=view.address, members=members)  # fmt: skip
    registry.save_household(form)


def _both_hold_wang_xiuying(make_device: Any) -> tuple[Any, Any, str]:
    return held_on_two_devices(
        make_device, "王秀英", sex="female", birth_year="1950", note="原备注"
    )


def _said(conflicts: list[Any]) -> tuple[str, str]:
    (conflict,) = conflicts
    with written_in("zh"):
        zh = conflict_line(conflict)
    with written_in("en"):
        return zh, conflict_line(conflict)


def test_an_arrival_date_the_office_imported_meanwhile_is_said_as_the_office(
    make_device: Any, server_workdir: Path
) -> None:
    _import(server_workdir, f"V1,DM-017,三组,陈建国,男,,{FATHER},,,2026-06-09,\n")
    inspector = make_device("inspector").enroll("p-insp")
    with inspector.client() as client:
        assert client.sync_once().ok
    (household_id,) = [h.id for h in Household.select()]
    _edit(household_id, "陈建国", arrived_on="2026-06-01")  # not synced yet
    _import(server_workdir, f"V1,DM-017,三组,陈建国,男,,{FATHER},,,2026-06-05,\n")
    with inspector.client() as client:
        pushed = client.sync_once()
    zh, en = _said(pushed.conflicts)
    assert zh == (
        "“陈建国”的到达日期已被办公室导入改为“2026-06-05”，本机改的“2026-06-01”未采用，"
        "如需要请重新修改。"
    )
    assert en.startswith("陈建国: an office import changed the ")


def test_a_note_is_said_as_written_by_its_writer_though_the_office_wrote_the_household_since(
    make_device: Any, server_workdir: Path
) -> None:
    """Device A (the inspector, 张三) writes 王秀英's note; the office then imports another
    person into her household; device B's note for her names 张三, not the import."""
    inspector, supervisor, household_id = _both_hold_wang_xiuying(make_device)
    inspector.open()
    _edit(household_id, "王秀英", note="A设备备注")
    with inspector.client() as client:
        assert client.sync_once().ok
    _import(server_workdir, f"V1,DM-021,二组,陈建国,男,,{FATHER},,,2026-06-09,\n")
    supervisor.open()  # has not pulled the inspector's note nor the import
    _edit(household_id, "王秀英", note="B设备备注")
    with supervisor.client() as client:
        pushed = client.sync_once()
    zh, en = _said(pushed.conflicts)
    assert (
        zh == "“王秀英”的备注已被张三改为“A设备备注”，本机改的“B设备备注”未采用，如需要请重新修改。"
    )
    assert en.startswith("王秀英: 张三 changed the note to 'A设备备注' meanwhile")


def test_a_note_written_by_another_server_mid_push_is_kept_and_named(
    make_device: Any, server_db_url: str
) -> None:
    """Two server processes on one PostgreSQL: device A's push, on the other server, has
    written 王秀英's note and not yet committed when device B's push reads her. B's push
    waits for A's commit and is told A's note, by A's person, stands."""
    if not server_db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only: SQLite writes one at a time")
    _inspector, supervisor, household_id = _both_hold_wang_xiuying(make_device)
    (member_id,) = [m.id for m in registry.household(household_id).members]
    _edit(household_id, "王秀英", note="B设备备注")
    other_server = psycopg.connect(server_db_url)  # device A's push, as its server writes it
    other_server.execute(
        "UPDATE household SET updated_by = 'p-insp' WHERE id = %s", (household_id,)
    )
    other_server.execute(
        "UPDATE household_member SET note = 'A设备备注', updated_by = 'p-insp' WHERE id = %s",
        (member_id,),
    )
    commit = threading.Timer(1.5, other_server.commit)
    commit.start()
    try:
        with supervisor.client() as client:
            pushed = client.sync_once()
    finally:
        commit.join()
        other_server.close()
    zh, _en = _said(pushed.conflicts)
    assert (
        zh == "“王秀英”的备注已被张三改为“A设备备注”，本机改的“B设备备注”未采用，如需要请重新修改。"
    )
    (member,) = registry.household(household_id).members
    assert member.note == "A设备备注"
