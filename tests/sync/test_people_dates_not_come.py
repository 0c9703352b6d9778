"""The server refuses a person's arrival or departure on a day that has not come, and a
birth year to come, by the rules the device's form uses (`fieldapp.domain.registry`): a
push from a device without them (or made by hand) and a row of the office's registry
sheet. A date or year the server already holds, sent unchanged, still passes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_people_import import HEADER

from fieldapp.domain.ids import new_id
from sync.server import db as server_db
from sync.server.people_import import import_people_registry
from sync.server.people_models import HouseholdMember
from sync.server.tables import ImportRefused

LATER = (dt.date.today() + dt.timedelta(days=40)).isoformat()


def _household(member_id: str, **dates: str) -> dict:
    member = {"id": member_id, "name": "黄丽", **dates}
    return {"id": new_id(), "grid_code": "V1", "code": "DM-31", "address": "鼎美村三组31号",
            "updated_at": "2026-06-10T02:00:00Z", "updated_by": "p-insp",
            "members": [member], "vehicles": []}  # fmt: skip


def _refusal(device, op_id: str) -> tuple[str, str, dict[str, str]]:  # type: ignore[no-untyped-def]
    row = device.outbox()[op_id]
    return row.state, row.refusal_code, json.loads(row.refusal_params or "{}")


def test_a_push_with_a_day_to_come_is_refused_and_a_held_one_kept(make_device):
    worker = make_device("insp").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok  # the personal-data key
    held = new_id()
    ops = [
        worker.enqueue("household.upsert", _household(new_id(), arrived_on=LATER)),
        worker.enqueue("household.upsert", _household(new_id(), left_on=LATER)),
        worker.enqueue("household.upsert", _household(held, arrived_on="2026-06-09")),
    ]
    with worker.client() as client:
        client.sync_once()
    refused = [_refusal(worker, op) for op in ops]
    assert [(state, params.get("person_field")) for state, _code, params in refused] == [
        ("rejected", "arrived_on"),
        ("rejected", "left_on"),
        ("acked", None),
    ]
    with server_db.current().connection_context():
        assert HouseholdMember.select().count() == 1
        # Saved before the rule: a later edit sending it unchanged is not refused for it.
        HouseholdMember.update(arrived_on=LATER).where(HouseholdMember.id == held).execute()
    again = worker.enqueue("household.upsert", _household(held, arrived_on=LATER, note="x"))
    with worker.client() as client:
        client.sync_once()
    assert _refusal(worker, again)[0] == "acked"


def test_a_registry_row_with_a_day_to_come_is_refused(seed, server_workdir):
    path = server_workdir / "people.csv"
    path.write_text(HEADER + f"V1,DM-017,三组,陈建国,男,,,,返乡人员,{LATER},\n", encoding="utf-8")
    with server_db.current().connection_context(), pytest.raises(ImportRefused) as refused:
        import_people_registry(path)
    assert {(e.row, e.column) for e in refused.value.errors} == {(2, "arrived_on")}
    assert f"{LATER} 还没到" in str(refused.value)


def test_a_push_with_a_birth_year_to_come_is_refused_and_a_held_one_kept(make_device, chinese):
    """The wire takes birth years up to 2200; the device's form refuses one to come, and
    the server now does too, by the same rule (`birth_year_problem`)."""
    from fieldapp.services.common.refusal_reasons import reason_in_words

    worker = make_device("insp").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok  # the personal-data key
    this_year, held = dt.date.today().year, new_id()
    ops = [
        worker.enqueue("household.upsert", _household(new_id(), birth_year=this_year + 2)),
        worker.enqueue("household.upsert", _household(new_id(), birth_year=this_year)),
        worker.enqueue("household.upsert", _household(held, birth_year=1985)),
    ]
    with worker.client() as client:
        client.sync_once()
    refused = [_refusal(worker, op) for op in ops]
    assert [(state, params.get("person_field")) for state, _code, params in refused] == [
        ("rejected", "birth_year"),
        ("acked", None),
        ("acked", None),
    ]
    assert f"between 1900 and {this_year}" in worker.outbox()[ops[0]].last_error
    _state, code, params = refused[0]
    assert reason_in_words(code, params, "") == "人员“黄丽”的出生年份不符合要求，请改正后重新保存"
    with server_db.current().connection_context():
        assert HouseholdMember.select().count() == 2
        # Saved before the rule: a later edit sending it unchanged is not refused for it.
        HouseholdMember.update(birth_year=2099).where(HouseholdMember.id == held).execute()
    again = worker.enqueue("household.upsert", _household(held, birth_year=2099, note="x"))
    changed = worker.enqueue("household.upsert", _household(held, birth_year=2098))
    with worker.client() as client:
        client.sync_once()
    assert _refusal(worker, again)[0] == "acked"
    assert _refusal(worker, changed)[:1] == ("rejected",)
