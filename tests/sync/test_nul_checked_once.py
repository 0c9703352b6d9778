"""A push body is looked at once for a NUL character: JSON holds one only as the escape
\\u0000, so the inspections of a body without it are validated without matching the NUL
pattern against each of their ~100 strings. Every other bound is still checked, and a body
with the escape is checked string by string: the op holding the NUL alone is refused."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from pydantic import ValidationError
from sync_world import inspection_submit, server_count

from sync.protocol import InspectionSubmit
from sync.protocol.bounds import may_hold_nul, nul_free_validator
from sync.server.models import Inspection


def _with_note(note: str) -> dict[str, Any]:
    payload = inspection_submit("V-1", "p-insp")
    payload["answers"][1]["note"] = note
    return payload


@pytest.mark.parametrize("encode", [
    lambda value: json.dumps(value).encode(),
    lambda value: json.dumps(value, ensure_ascii=False).encode(),
    orjson.dumps,
], ids=["json", "json-unicode", "orjson"])  # fmt: skip
def test_a_nul_in_any_string_of_a_body_is_seen(encode):
    assert may_hold_nul(encode({"ops": [_with_note("门\x00口")]}))
    assert not may_hold_nul(encode({"ops": [_with_note("门口")]}))


def test_the_validator_without_the_nul_check_checks_everything_else():
    fast = nul_free_validator(InspectionSubmit)
    good = inspection_submit("V-1", "p-insp")
    assert fast.validate_python(good) == InspectionSubmit.model_validate(good)
    # The check is left out: the validator does not fall back on the model's own.
    assert fast.validate_python(_with_note("门\x00口")).answers[1]["note"] == "门\x00口"
    for path, value in [
        (("inspection", "venue_id"), "V" * 101),
        (("inspection", "checklist_version"), 2**31),
        (("inspection", "proof"), {"photos": [{"sha256": "not a sha256"}]}),
        (("answers",), [{"item_code": "", "outcome": "pass"}]),
    ]:
        bad = inspection_submit("V-1", "p-insp")
        *parents, last = path
        target = bad
        for part in parents:
            target = target[part]
        target[last] = value
        with pytest.raises(ValidationError) as fast_error:
            fast.validate_python(bad)
        with pytest.raises(ValidationError) as model_error:
            InspectionSubmit.model_validate(bad)
        assert fast_error.value.errors() == model_error.value.errors()


def test_a_nul_in_an_answer_refuses_its_op_alone(api):
    good = [api.op("inspection.submit", api.inspection()) for _ in range(2)]
    payload = api.inspection()
    payload["answers"][1]["note"] = "门\x00口"
    bad = api.op("inspection.submit", payload)
    results = {r["op_id"]: r for r in api.answers([good[0], bad, good[1]])}
    assert results[bad["op_id"]]["status"] == "rejected"
    assert "note" in results[bad["op_id"]]["reason"]
    assert [results[op["op_id"]]["status"] for op in good] == ["applied", "applied"]
    assert server_count(Inspection) == 2
