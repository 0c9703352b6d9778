"""A refusal keeps its English text (logs, tests and older devices read it) and carries a
stable code with parameters, however the server raises it: as a `Refusal`, or as a
`ValueError` (or the inspection writer's `AlreadyStored`) around a coded `Reason`."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from sync_world import event, inspection_submit

from fieldapp.domain.ids import new_id
from fieldapp.i18n import text_in
from fieldapp.services.common.refusal_reasons import reason_in_words
from sync.protocol import CaseEventSubmit, refusals
from sync.server import followups as server_followups
from sync.server.inspections import AlreadyStored
from sync.server.scope import payload_date


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


@pytest.mark.usefixtures("chinese")
def test_a_date_that_is_none_is_refused_with_its_code_and_worded_by_the_device() -> None:
    """A date the model lets through but that is none (a hazard's deadline "soon") is
    refused with which date it is and the value; the device words the date too."""
    with pytest.raises(ValueError) as raised:
        payload_date("soon", "finding_deadline", "the deadline of finding f-1")
    code, params = refusals.coded(raised.value)
    assert (code, params) == ("not_a_date", {"what": "finding_deadline", "value": "soon"})
    text = str(raised.value)
    assert text == "the deadline of finding f-1 'soon' is not a date (use YYYY-MM-DD)"
    assert (
        reason_in_words(code, params, text)
        == "隐患整改期限“soon”不是日期，请按年-月-日填写后重新提交"
    )
    for what in refusals.DATES:
        assert text_in("zh", f"refusal.date_of.{what}") and text_in("en", f"refusal.date_of.{what}")
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


def test_an_inspection_s_and_an_incident_s_own_refusals_are_coded(api, seed):
    """An item answered twice, a finding of another venue, a finding sent again and an
    incident sent with another's report came back in English alone."""
    twice = api.inspection()
    twice["answers"].append(dict(twice["answers"][0]))
    elsewhere = api.inspection()
    elsewhere["findings"][0]["venue_id"] = seed.venues["DM-0002"]
    first = api.inspection()
    again = {**api.inspection(), "findings": first["findings"]}
    incident = {"id": new_id(), "category": "complaint", "grid_code": "V1",
                "address": "鼎美村口", "occurred_at": "2026-06-10 07:00",
                "created_at": "2026-06-10T07:00:00.000Z", "created_by": "p-insp"}  # fmt: skip
    # an incident sent with the report of another (its id and the op's differ)
    unreported = {"incident_id": new_id(), "incident": incident,
                  "event": event("reported", "p-insp")}  # fmt: skip
    sent = [("inspection.submit", p) for p in (twice, elsewhere, first, again)]
    answers = api.answers([api.op(t, p) for t, p in [*sent, ("incident.event", unreported)]])
    assert [(a["status"], a.get("reason_code")) for a in answers] == [
        ("rejected", "answered_twice"),
        ("rejected", "finding_other_venue"),
        ("applied", None),
        ("rejected", "already_submitted"),
        ("rejected", "incident_opening"),
    ]
    assert "answers an item twice" in answers[0]["reason"]  # the English is kept
    assert "is for another venue than its inspection" in answers[1]["reason"]
    assert answers[3]["reason_params"] == {"record": "finding", "id": first["findings"][0]["id"]}
    assert "is sent with an event of" in answers[4]["reason"]


@pytest.mark.parametrize(
    ("code", "params", "said"),
    [
        ("case_event_data", {"event": "handed_over"}, "随访个案的“移交”缺少日期"),
        ("campaign_beyond_grids", {"campaign": "epidemic"}, "该专项行动已在您负责范围以外"),
        ("campaign_not_published", {"campaign": "flood"}, "办公室尚未发布该专项行动"),
        ("returned_without_comment", {}, "退回检查记录须写明意见"),
    ],
)
@pytest.mark.usefixtures("chinese")
def test_the_new_codes_read_in_chinese_with_their_parameters(
    code: str, params: dict[str, str], said: str
) -> None:
    assert reason_in_words(code, params, "the server's English").startswith(said)


def test_a_case_event_s_incomplete_data_is_coded_with_its_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hand-over without its unit, reference or date: checked by the hazards' rule,
    worded on the server in its language, coded so the device words it in its own."""
    monkeypatch.setattr(server_followups, "require_own", lambda *_: None)
    case = SimpleNamespace(id="c-1", plan_id="plan-1")
    monkeypatch.setattr(server_followups.FollowupCase, "get_or_none", lambda *_: case)
    monkeypatch.setattr(server_followups, "_plan_in_scope", lambda *_: None)
    who = SimpleNamespace(role="supervisor")
    sub = CaseEventSubmit.model_validate(
        {"case_id": "c-1", "event": event("handed_over", "p-sup", data={"unit": "health_centre"})}
    )
    with pytest.raises(ValueError) as raised:
        server_followups.apply_case_event(who, sub)  # type: ignore[arg-type]
    assert refusals.coded(raised.value) == ("case_event_data", {"event": "handed_over"})
