"""The audit trail said who revealed, cleared or exported personal data, but not who
edited a person or household (个人信息保护法: who changed whose data, and when). Each
record an edit changes now leaves one `personal_data.edited` entry on the server, with
the fields' names and never their values; a save that changes nothing leaves none."""

from __future__ import annotations

import json

from people_support import FATHER, returnee_family

from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from sync.server import db as server_db
from sync.server.models import AuditEntry


def _edits_since(last_id: int) -> list[AuditEntry]:
    with server_db.current().connection_context():
        query = AuditEntry.select().where(
            AuditEntry.action == "personal_data.edited", AuditEntry.id > last_id
        )
        return list(query.order_by(AuditEntry.id))


def _father(phone: str, note: str) -> MemberForm:
    return MemberForm("陈建国", sex="male", birth_year="1980", tags=("returnee",),
                      arrived_on="2026-06-09", phone=phone, note=note)  # fmt: skip


def test_an_edit_is_audited_once_by_field_names_and_a_save_changing_nothing_not(make_device):
    worker = make_device("worker").enroll("p-insp")  # grid V1
    with worker.client() as client:
        assert client.sync_once().ok  # the personal-data key
    household_id = registry.save_household(returnee_family())
    with worker.client() as client:
        assert client.sync_once().ok
    registered = _edits_since(0)
    assert sorted(e.detail["record"] for e in registered) == ["household"] + ["person"] * 3
    assert all(e.detail["new"] for e in registered)
    father = next(m for m in registry.household(household_id).members if m.name == "陈建国")

    def save(member: MemberForm) -> list[AuditEntry]:
        member.id = father.id
        form = HouseholdForm("V1", id=household_id, code="DM-017", building="三组",
                             address="鼎美村三组17号", members=[member])  # fmt: skip
        registry.save_household(form)
        with worker.client() as client:
            result = client.sync_once()
        assert result.ok and not result.rejected, result
        return _edits_since(registered[-1].id)

    edited = save(_father("13700137000", "搬到县城"))
    assert [(e.actor, e.device, e.subject) for e in edited] == [
        ("p-insp", worker.device_id, father.id)
    ]
    assert edited[0].detail["fields"] == ["phone", "note"]
    assert edited[0].detail["household"] == household_id and not edited[0].detail["new"]
    said = json.dumps(edited[0].detail, ensure_ascii=False)
    for value in ("13700137000", "13800138000", FATHER, "搬到县城", "陈建国"):
        assert value not in said

    # The same phone typed again (sealed anew) and the same note change nothing: no entry
    # after the edit's.
    assert save(_father("13700137000", "搬到县城")) == edited
