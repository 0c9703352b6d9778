"""The server checks a person's sex and birth year against the ID number it opens, as
the device's form does (an older build saved a woman with a man's number): refused with
what is wrong, worded on the device; a person sent unchanged is not judged again."""

from __future__ import annotations

import json

from people_support import FATHER, as_an_older_build_sent, returnee_family

from fieldapp.i18n import set_language
from fieldapp.services.common.refusal_reasons import reason_in_words
from fieldapp.services.people import registry
from fieldapp.store.models import Outbox


def test_a_woman_with_a_mans_id_number_is_refused(make_device) -> None:
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok  # the personal-data key
    assert int(FATHER[16]) % 2 == 1  # the father's number: a man's
    registry.save_household(returnee_family())
    [op] = [o for o in Outbox.select() if o.type == "household.upsert"]
    as_an_older_build_sent(op.op_id, lambda p: p["members"][0].update(sex="female"))
    with worker.client() as client:
        client.sync_once()
    row = worker.outbox()[op.op_id]
    assert row.state == "rejected" and "does not match the ID number" in row.last_error
    params = json.loads(row.refusal_params)
    assert params["person_field"] == "sex"
    said = reason_in_words(row.refusal_code, params, "")
    assert said.startswith("人员“陈建国”的性别与身份证号不符")
    set_language("en")
    try:
        said = reason_in_words(row.refusal_code, params, "")
        assert said.startswith("陈建国: the sex does not match the ID number")
    finally:
        set_language("zh")
