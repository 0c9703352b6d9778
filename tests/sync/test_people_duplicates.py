"""Duplicates found by ID number (or name + birth year + phone) and merged by a
supervisor, on the device and on the server."""

from __future__ import annotations

import pytest
from people_support import FATHER, member_named, returnee_family

from fieldapp.domain import personal
from fieldapp.services.people import duplicates, registry, reveal
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.store.people_models import HouseholdMember
from sync.server import db as server_db
from sync.server.models import AuditEntry
from sync.server.people_models import HouseholdMember as ServerMember


def test_a_supervisor_merges_two_records_of_one_person(make_device):
    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family())
    # The same father, registered again in another household (without his phone), and a
    # grandmother twice with no ID number: same name, birth year and phone.
    again = HouseholdForm(
        grid_code="A1",
        code="DM-200",
        members=[
            MemberForm("陈建国", id_number=FATHER, tags=("tenant",), note="租住200号"),
            MemberForm("陈阿婆", birth_year="1941", phone="13700137000"),
            MemberForm("陈阿婆", birth_year="1941", phone="13700137000", tags=("elderly_alone",)),
        ],
    )
    registry.save_household(again)
    with worker.client() as client:
        assert client.sync_once().ok
    with pytest.raises(duplicates.MergeRefused):
        pair = duplicates.duplicates()[0]
        duplicates.merge(pair.keep.id, pair.drop.id)

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    pairs = duplicates.duplicates()
    assert sorted((p.keep.name, p.by_id_number) for p in pairs) == [
        ("陈建国", True),
        ("陈阿婆", False),
    ]
    for pair in pairs:
        duplicates.merge(pair.keep.id, pair.drop.id)
    assert duplicates.duplicates() == []
    father = member_named("陈建国")
    assert father.tags == ["tenant", "returnee"]
    assert father.note == "租住200号"
    assert reveal.reveal(father.id, personal.PHONE_FIELD, purpose="identity_check") == "13800138000"
    with supervisor.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result

    with server_db.current().connection_context():
        names = sorted(m.name for m in ServerMember.select())
        assert names == ["林秀英", "陈小明", "陈建国", "陈阿婆"]
        granny = ServerMember.get(ServerMember.name == "陈阿婆")
        assert granny.tags == ["elderly_alone"]
        merges = AuditEntry.select().where(AuditEntry.action == "people.merged").count()
        assert merges == 2

    worker.open()
    with worker.client() as client:
        assert client.sync_once().ok
    assert HouseholdMember.select().count() == 4
    assert duplicates.duplicates() == []
