"""A household's number (户号) and address may not both be cleared: the device's form has
refused it since the edit (`h`) took the new household's rule, and the server refuses it
from an older build, coded and worded on the device; the office's household keeps its
number. A new household with neither is refused the same way."""

from __future__ import annotations

import dataclasses
import json

from people_support import as_an_older_build_sent, returnee_family

from fieldapp.i18n import set_language
from fieldapp.services.common.refusal_reasons import reason_in_words
from fieldapp.services.people import registry
from fieldapp.store.models import Outbox
from sync.server import db as server_db
from sync.server.people_models import Household as ServerHousehold


def test_a_household_left_without_number_and_address_is_refused(make_device) -> None:
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok  # the personal-data key
    held_id = registry.save_household(returnee_family())
    with worker.client() as client:
        assert client.sync_once().ok
    edit = dataclasses.replace(returnee_family(), id=held_id, building="四组", members=[])
    registry.save_household(edit)  # the edit the older build cleared
    new_id = registry.save_household(returnee_family())
    ops = [o.op_id for o in Outbox.select().order_by(Outbox.seq) if o.type == "household.upsert"]
    for op_id in ops[1:]:
        as_an_older_build_sent(op_id, lambda p: p.update(code="", address=" "))  # both cleared
    with worker.client() as client:
        client.sync_once()
    for op_id in ops[1:]:
        row = worker.outbox()[op_id]
        assert (row.state, row.refusal_code) == ("rejected", "household_unfindable"), op_id
    with server_db.current().connection_context():
        held = ServerHousehold.get_by_id(held_id)
        assert (held.code, held.building, held.address) == ("DM-017", "三组", "鼎美村三组17号")
        assert ServerHousehold.get_or_none(ServerHousehold.id == new_id) is None
    said = reason_in_words(row.refusal_code, json.loads(row.refusal_params), "")
    assert (
        said
        == "住户既没有户号也没有地址，下次无人能找到这一户：请填写地址或户号（至少一项）后重新保存"
    )
    set_language("en")
    try:
        said = reason_in_words(row.refusal_code, json.loads(row.refusal_params), "")
        assert said.startswith("the household has neither a household number nor an address")
    finally:
        set_language("zh")
