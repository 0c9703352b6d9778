"""Extending a major hazard's deadline needs a reason on the device (f4117fc), but the
server took an extension with no note from an older device. The server now refuses a
major hazard's extension without a note in words, coded free_text with the device's rule
(extended_major_reason), so the device says why; a general hazard's extension needs none,
and the device's own extension of a major hazard, which carries its reason, is taken."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sync_world import event, finding_event, inspection_submit

from fieldapp.services.common.refusal_reasons import reason_in_words
from fieldapp.services.review.bulk import bulk_apply

RULE = {"text_rule": "extended_major_reason"}


def _major(submit: dict[str, Any]) -> dict[str, Any]:
    finding: dict[str, Any] = submit["findings"][0]
    finding["severity"] = "major"
    finding["events"][0]["data"]["severity"] = "major"
    return finding


def _refusal(device, op_id: int) -> tuple[str, str | None, dict[str, str]]:  # type: ignore[no-untyped-def]
    row = device.outbox()[op_id]
    return row.state, row.refusal_code, json.loads(row.refusal_params or "{}")


def test_a_major_hazard_extended_without_a_reason_is_refused_by_the_server(make_device, seed):
    inspector = make_device("insp").enroll("p-insp")
    major_submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    major = _major(major_submit)
    general_submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    general = general_submit["findings"][0]
    inspector.enqueue("inspection.submit", major_submit)
    inspector.enqueue("inspection.submit", general_submit)
    with inspector.client() as client:
        assert client.sync_once().ok

    boss = make_device("boss").enroll("p-sup")
    with boss.client() as client:
        client.sync_once()  # both hazards, as the server holds them
    later = {"deadline": (dt.date.today() + dt.timedelta(days=30)).isoformat()}

    def extension(finding: dict[str, Any], note: str) -> dict[str, Any]:
        sent = event("deadline_extended", "p-sup", base=finding["events"][0]["id"],
                     role="supervisor", data=later)  # fmt: skip
        sent["note"] = note
        return finding_event(finding["id"], sent)

    # As an older device sends them: no note, a note of emoji, and a general hazard's.
    ops = [
        boss.enqueue("finding.event", extension(major, "")),
        boss.enqueue("finding.event", extension(major, "😀")),
        boss.enqueue("finding.event", extension(general, "")),
    ]
    with boss.client() as client:
        client.sync_once()
    assert [_refusal(boss, op) for op in ops] == [
        ("rejected", "free_text", RULE), ("rejected", "free_text", RULE), ("acked", None, {}),
    ]  # fmt: skip
    assert reason_in_words("free_text", RULE, "").startswith("重大隐患延期须在备注中用文字写明理由")

    # A supervisor's inspection that arrives with a major hazard already extended.
    arriving = inspection_submit(seed.venues["DM-0001"], "p-sup")
    opened = _major(arriving)["events"][0]
    opened["role"] = "supervisor"
    unsaid = event("deadline_extended", "p-sup", base=opened["id"], role="supervisor", data=later)
    arriving["findings"][0]["events"].append(unsaid)
    op = boss.enqueue("inspection.submit", arriving)
    with boss.client() as client:
        client.sync_once()
    assert _refusal(boss, op) == ("rejected", "free_text", RULE)

    # The device's own extension carries its reason and is taken.
    [extended] = bulk_apply([major["id"]], "deadline_extended", "等待设备到货", later)
    assert extended.applied
    [sent] = [op for op, row in boss.outbox().items() if extended.event_id in row.payload]
    with boss.client() as client:
        client.sync_once()
    assert _refusal(boss, sent) == ("acked", None, {})
    assert json.loads(boss.outbox()[sent].payload)["event"]["note"] == "等待设备到货"
