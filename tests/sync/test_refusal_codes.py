"""A refusal keeps its English text (logs, tests and older devices read it) and carries a
stable code with parameters, however the server raises it: as a `Refusal`, or as a
`ValueError` (or the inspection writer's `AlreadyStored`) around a coded `Reason`."""

from __future__ import annotations

import json

from sync_world import inspection_submit

from fieldapp.i18n import text_in
from sync.protocol import refusals
from sync.server.inspections import AlreadyStored


def test_a_refusal_is_the_english_text_with_a_code() -> None:
    refusal = refusals.unknown_venue("v-1")
    assert isinstance(refusal, ValueError)
    assert str(refusal) == "venue v-1 is not known to the server; sync the venue list first"
    assert refusals.coded(refusal) == ("unknown_venue", {"venue": "v-1"})


def test_a_reason_raised_inside_another_value_error_keeps_its_code() -> None:
    reason = refusals.outside_grid("venue DM-1 甲", "V2", "张三", "p-1", grid_name="芸美村")
    error = ValueError(reason)
    assert str(error).startswith("venue DM-1 甲 belongs to grid V2, which is not among")
    code, params = refusals.coded(error)
    assert code == "outside_grid" and params == {
        "grid": "V2",
        "grid_name": "芸美村",
        "person": "张三",
    }
    stored = AlreadyStored(refusals.inspection_already_submitted("i-1"))
    assert str(stored) == (
        "inspection i-1 was already submitted; a correction is a new inspection that supersedes it"
    )
    assert refusals.coded(stored) == ("already_submitted", {"record": "inspection", "id": "i-1"})


def test_a_plain_value_error_has_no_code() -> None:
    assert refusals.coded(ValueError("scan s-1 is manual without a reason")) == (None, None)
    assert all(code == code.lower() for code in refusals.CODES)


def test_every_code_is_worded_in_chinese_and_english() -> None:
    for code in sorted(refusals.CODES):
        assert text_in("zh", f"refusal.{code}") and text_in("en", f"refusal.{code}"), code


def test_an_inspection_of_a_venue_unknown_or_already_sent_is_refused_with_its_code(
    make_device, seed
):
    """The device says these two in its person's language (an inspection's own refusals,
    worded in the writer rather than by a shared check)."""
    device = make_device("a").enroll("p-insp")
    sent = inspection_submit(seed.venues["DM-0001"], "p-insp")
    first = device.enqueue("inspection.submit", sent)
    nowhere = device.enqueue("inspection.submit", inspection_submit("v-nowhere", "p-insp"))
    with device.client() as client:
        client.sync_once()
    again = device.enqueue("inspection.submit", {**sent, "answers": sent["answers"][:1]})
    with device.client() as client:
        client.sync_once()
    rows = device.outbox()
    assert rows[first].state == "acked"
    assert (rows[nowhere].refusal_code, json.loads(rows[nowhere].refusal_params)) == (
        "unknown_venue",
        {"venue": "v-nowhere"},
    )
    assert rows[again].refusal_code == "already_submitted"
    assert json.loads(rows[again].refusal_params)["id"] == sent["inspection"]["id"]
