"""The rarer refusals speak the person's language too: a venue's attribute, a person's
field, a follow-up reading, a patrol scan and a person merge came back without a code, so
the Chinese sync screen showed the server's English ("venue DM-0001 …: has_gas must be
true or false").

A real `python -m sync.server` on loopback refuses a correction of a venue's gas use that
is a number, not yes or no, and a re-inspection that names itself as the one it replaces
(an inspection's, an incident's, a review's, a campaign switch's and a follow-up case's
own refusals are coded since; tests/sync/test_refusal_codes.py checks the rest)."""

from __future__ import annotations

import json

import pytest
from test_refusal_language import _flat, _sync_screen_text
from test_sync_ui import chinese, demo_server_running

from fieldapp.domain.ids import new_id
from fieldapp.services.common import outbox
from fieldapp.services.demo import server as demo_server
from fieldapp.store.models import Outbox, PersonGrid, SyncState, Venue

__all__ = ["chinese", "demo_server_running"]  # fixtures

pytestmark = pytest.mark.slow


async def test_a_venue_attribute_the_server_refuses_reads_in_chinese(
    demo_server_running: demo_server.DemoServer,
) -> None:
    venue = Venue.select().order_by(Venue.code).first()
    op = outbox.enqueue(
        "venue.attributes",
        {
            "venue_id": venue.id,
            "attributes": {"has_gas": 5},  # an older device's or a bug's value
            "corrected_by": SyncState.get_by_id(1).person,
            "corrected_at": "2026-01-05T08:00:00Z",
        },
    )
    text = _flat(await _sync_screen_text())
    row = Outbox.get(Outbox.seq == op.seq)
    assert row.state == "rejected" and row.refusal_code == "venue_attribute"
    assert "has_gas must be true or false" in row.last_error  # the server's text, kept
    said = f"场所 {venue.code} {venue.name} 的“用燃气”取值不对，请改正后重新保存"
    assert _flat(f"#{op.seq} 场所信息更正") in text and _flat(said) in text, text
    assert "mustbe" not in text  # not the server's English


async def test_a_re_inspection_that_replaces_itself_reads_in_chinese(
    demo_server_running: demo_server.DemoServer,
) -> None:
    """An inspection's own refusals were plain English too ("inspection … cannot
    supersede itself"); one sent as replacing itself is refused with its code."""
    sent = Outbox.select().where(Outbox.type == "inspection.submit").order_by(Outbox.seq).first()
    payload = json.loads(sent.payload)
    inspection_id = new_id()
    inspection = {**payload["inspection"], "id": inspection_id, "supersedes": inspection_id}
    op = outbox.enqueue("inspection.submit", {**payload, "inspection": inspection, "findings": []})
    text = _flat(await _sync_screen_text())
    row = Outbox.get(Outbox.seq == op.seq)
    assert row.state == "rejected" and row.refusal_code == "supersedes_itself"
    assert row.last_error == f"inspection {inspection_id} cannot supersede itself"  # kept
    assert _flat(f"#{op.seq} 检查记录") in text
    assert _flat("复查记录不能替代它自己，请重新复查") in text, text
    assert "supersede" not in text  # not the server's English


async def test_a_report_date_that_is_no_date_reads_in_chinese(
    demo_server_running: demo_server.DemoServer,
) -> None:
    """A date the payload's model lets through but that is none (an older device's or a
    bug's "soon") was refused in plain English: it has its code since."""
    person = SyncState.get_by_id(1).person
    grid = PersonGrid.select().where(PersonGrid.person == person).first().grid_code
    op = outbox.enqueue(
        "daily_report.submit",
        {
            "id": new_id(), "grid_code": grid, "date": "soon", "reporter": person,
            "counts": {}, "zero_report": True, "remarks": "",
            "submitted_at": "2026-01-05T08:00:00Z",
        },
    )  # fmt: skip
    text = _flat(await _sync_screen_text())
    row = Outbox.get(Outbox.seq == op.seq)
    assert row.state == "rejected" and row.refusal_code == "not_a_date"
    assert row.last_error == "the report date 'soon' is not a date (use YYYY-MM-DD)"  # kept
    assert _flat(f"#{op.seq} 日报（") in text
    assert _flat("日报日期“soon”不是日期，请按年-月-日填写后重新提交") in text, text
    assert "isnotadate" not in text  # not the server's English
