"""An edit could only replace a person's ID number or phone, never remove one entered by
mistake: an empty field keeps the held value. `-` typed into either field now clears it
(the field's hint says so); the server takes it and audits it as personal data changed."""

from __future__ import annotations

from people_support import returnee_family

from fieldapp.i18n import t
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.store.people_models import HouseholdMember
from sync.server import db as server_db
from sync.server.models import AuditEntry
from sync.server.people_models import HouseholdMember as ServerMember


def test_a_dash_clears_a_held_id_number_and_phone_and_is_audited(make_device, chinese):
    worker = make_device("worker").enroll("p-insp")  # grid V1
    with worker.client() as client:
        assert client.sync_once().ok  # the personal-data key
    household_id = registry.save_household(returnee_family())
    father = next(m for m in registry.household(household_id).members if m.name == "陈建国")
    assert father.phone == "138****8000" and father.id_number
    assert "（输入 - 清除）" in t("person.unchanged", masked=father.phone)
    with worker.client() as client:
        assert client.sync_once().ok

    kept = MemberForm("陈建国", id=father.id, sex="male", tags=("returnee",),
                      arrived_on="2026-06-09", note="改")  # fmt: skip
    registry.save_household(HouseholdForm("V1", id=household_id, code="DM-017", members=[kept]))
    assert HouseholdMember.get_by_id(father.id).phone  # an empty field still keeps them

    cleared = MemberForm("陈建国", id=father.id, sex="male", tags=("returnee",),
                         arrived_on="2026-06-09", id_number="-", phone="－")  # fmt: skip
    registry.save_household(HouseholdForm("V1", id=household_id, code="DM-017", members=[cleared]))
    shown = next(m for m in registry.household(household_id).members if m.id == father.id)
    assert (shown.id_number, shown.phone) == ("", "")
    held = HouseholdMember.get_by_id(father.id)
    assert (held.id_number, held.id_lookup, held.phone, held.phone_lookup) == ("", "", "", "")
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        on_server = ServerMember.get_by_id(father.id)
        assert (on_server.id_number, on_server.phone, on_server.id_lookup) == ("", "", "")
        entries = AuditEntry.select().where(AuditEntry.action == "personal_data.cleared")
        assert sorted((e.subject, e.detail["field"]) for e in entries) == [
            (father.id, "id_number"),
            (father.id, "phone"),
        ]
