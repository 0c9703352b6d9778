"""An inspector and a supervisor changed the same person's note offline ("INSP备注C" /
"SUPV备注D"); the later sync stood and the inspector, whose note went, was told nothing.
The pull that replaces a field this device's person wrote last with someone else's value
now says so (the app shows it as a notice), naming the person, the field, who wrote the
new value and what this device had; the writer whose value stands is not told of it.
Devices now send what an edit started from and the server keeps the first note, telling
the later device (test_people_edits_merged); this is what a device of before that, which
sends no base, still does: its edit replaces the record whole, and the other is told."""

from __future__ import annotations

import json

from people_support import household_of_one

from fieldapp.domain.canonical import canonical_json, payload_hash
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.store.models import Outbox
from fieldapp.store.people_models import Household
from fieldapp.store.personal_data import payload_text, seal_payload
from sync.client.base import Replaced


def _note(household_id: str, note: str) -> None:
    """The person's note changed on the people screen (F11, e), the rest as held."""
    view = registry.household(household_id)
    (m,) = view.members
    member = MemberForm(m.name, id=m.id, sex=m.sex, birth_year=str(m.birth_year), note=note)
    form = HouseholdForm(grid_code=view.grid_code, id=view.id, code=view.code,
                         address=view.address, members=[member])  # fmt: skip
    registry.save_household(form)


def _sent_as_before_base() -> None:
    """This device's queued people ops as a device of before `base` sends them."""
    for row in Outbox.select().where(Outbox.state == "pending"):
        payload = json.loads(payload_text(row))
        payload.pop("base", None)
        for member in payload["members"]:
            member.pop("base", None)
        sealed = seal_payload(row.type, canonical_json(payload))
        Outbox.update(payload=sealed, payload_hash=payload_hash(payload)).where(
            Outbox.op_id == row.op_id
        ).execute()


def test_the_device_whose_note_a_later_sync_replaced_is_told(make_device) -> None:  # type: ignore[no-untyped-def]
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    household_of_one("王桂兰", sex="female", birth_year="1985")
    (household_id,) = [h.id for h in Household.select()]
    with worker.client() as client:
        assert client.sync_once().ok
    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    _note(household_id, "SUPV备注D")  # both offline
    _sent_as_before_base()
    worker.open()
    _note(household_id, "INSP备注C")
    with worker.client() as client:
        first = client.sync_once()  # the inspector's reaches the server first
    assert first.ok and first.replaced == []
    supervisor.open()
    with supervisor.client() as client:
        later = client.sync_once()  # the supervisor's, later, stands
    assert later.ok and later.replaced == []
    worker.open()
    with worker.client() as client:
        told = client.sync_once()
    (member,) = registry.household(household_id).members
    assert told.replaced == [
        Replaced(member.id, "王桂兰", "note", "INSP备注C", "SUPV备注D", "李四")
    ]
    assert member.note == "SUPV备注D"
