"""Two devices edit one person: the supervisor ticks 常住 and writes a note, the inspector,
before pulling that, changes the arrival date. The inspector's later push replaced the
whole record, so the tag and the note were gone on the server and neither device said so.
Each edit now carries what it started from (`base`) and the server merges field by field:
both changes stand, on the server and on both devices. A note both changed keeps the first
to sync and the later device is told, in its person's language; a retried push is applied
once. Every test runs on SQLite and, with FIELDAPP_TEST_PG_URL, PostgreSQL."""

from __future__ import annotations

from typing import Any

from people_support import held_on_two_devices

from fieldapp.i18n import written_in
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.services.syncing.conflicts import conflict_line
from fieldapp.store.models import Outbox
from sync.client.people_rows import replaced_here
from sync.server import db as server_db
from sync.server.models import ChangeLog
from sync.server.people import household_record
from sync.server.people_models import Household as ServerHousehold
from sync.server.people_models import HouseholdMember as ServerMember

ARRIVED = "2025-03-01"


def _edit(household_id: str, **changed: Any) -> None:
    """The person edited on the people screen (F11, e): `changed`, the rest as held."""
    view = registry.household(household_id)
    (m,) = view.members
    held = {"sex": m.sex, "birth_year": str(m.birth_year or ""), "tags": m.tags, "note": m.note,
            "arrived_on": m.arrived_on.isoformat() if m.arrived_on else ""}  # fmt: skip
    member = MemberForm(m.name, id=m.id, **{**held, **changed})
    form = HouseholdForm(grid_code=view.grid_code, id=view.id, code=view.code,
                         address=view.address, members=[member])  # fmt: skip
    registry.save_household(form)


def _on_server(member_id: str) -> ServerMember:
    with server_db.current().connection_context():
        return ServerMember.get_by_id(member_id)


def _two_devices(make_device: Any) -> tuple[Any, Any, str]:
    """张三丰 registered by the inspector, held by both devices."""
    return held_on_two_devices(make_device, "张三丰", sex="male", birth_year="1960", note="原备注")


def _person(device: Any, household_id: str) -> Any:
    device.open()
    (member,) = registry.household(household_id).members
    return member


def test_a_tag_and_an_arrival_date_edited_on_two_devices_both_stand(make_device) -> None:  # type: ignore[no-untyped-def]
    inspector, supervisor, household_id = _two_devices(make_device)
    _edit(household_id, note="sup2 note", tags=("resident",))  # the supervisor, F10 F12
    with supervisor.client() as client:
        assert client.sync_once().ok
    inspector.open()  # has not pulled the supervisor's edit
    _edit(household_id, arrived_on=ARRIVED)
    with inspector.client() as client:
        pushed = client.sync_once()
    # Nothing of the inspector's was lost: no conflict, and the note it never changed,
    # pulled, is not said to have replaced its own.
    assert pushed.ok and pushed.conflicts == [] and pushed.replaced == []
    with supervisor.client() as client:
        assert client.sync_once().ok
    member_id = _person(inspector, household_id).id
    held = _on_server(member_id)
    assert (held.tags, held.note, held.arrived_on) == (["resident"], "sup2 note", ARRIVED)
    for device in (inspector, supervisor):
        person = _person(device, household_id)
        assert (person.tags, person.note) == (("resident",), "sup2 note")
        assert person.arrived_on is not None and person.arrived_on.isoformat() == ARRIVED


def test_a_note_both_changed_keeps_the_first_and_tells_the_later(make_device) -> None:  # type: ignore[no-untyped-def]
    inspector, supervisor, household_id = _two_devices(make_device)
    _edit(household_id, note="sup2 note")
    with supervisor.client() as client:
        first = client.sync_once()
    assert first.ok and first.conflicts == []
    inspector.open()
    _edit(household_id, note="insp note")
    with inspector.client() as client:
        later = client.sync_once()
    (conflict,) = later.conflicts
    assert later.replaced == []  # told once, as the conflict
    with written_in("zh"):
        assert conflict_line(conflict) == (
            "“张三丰”的备注已被李四改为“sup2 note”，本机改的“insp note”未采用，如需要请重新修改。"
        )
    with written_in("en"):
        assert conflict_line(conflict) == (
            "张三丰: 李四 changed the note to 'sup2 note' meanwhile, so this device's"
            " 'insp note' was not applied; edit it again if it is still needed."
        )
    assert _person(inspector, household_id).note == "sup2 note"
    assert _on_server(_person(inspector, household_id).id).note == "sup2 note"

    # The same op pushed again (its answer lost): applied once, told again, nothing new.
    with server_db.current().connection_context():
        changes = ChangeLog.select().where(ChangeLog.record_id == household_id).count()
    inspector.open()
    Outbox.update(state="pending").where(Outbox.type == "household.upsert").execute()
    with inspector.client() as client:
        again = client.sync_once()
    assert [c.reason for c in again.conflicts][-1:] == [conflict.reason]
    with server_db.current().connection_context():
        assert ChangeLog.select().where(ChangeLog.record_id == household_id).count() == changes
    assert _on_server(_person(inspector, household_id).id).note == "sup2 note"


def test_a_pulled_note_this_device_never_changed_is_not_said_replaced(make_device) -> None:  # type: ignore[no-untyped-def]
    """The supervisor's record pulled after the inspector's own edit of the arrival date:
    the note it brings replaced nothing the inspector wrote (the server merged it); only a
    field the inspector's last edit changed may be said replaced."""
    inspector, supervisor, household_id = _two_devices(make_device)
    _edit(household_id, note="sup2 note")
    with supervisor.client() as client:
        assert client.sync_once().ok
    with server_db.current().connection_context():
        record = household_record(ServerHousehold.get_by_id(household_id))
    inspector.open()
    _edit(household_id, arrived_on=ARRIVED)
    assert replaced_here(record) == []
    _edit(household_id, note="insp note")
    assert [(r.field, r.mine, r.theirs) for r in replaced_here(record)] == [
        ("note", "insp note", "sup2 note")
    ]
