"""The rarer refusals speak the person's language too: a venue's attribute, a person's
field, a follow-up reading, a patrol scan and a person merge came back without a code, so
the Chinese sync screen showed the server's English ("venue DM-0001 …: has_gas must be
true or false").

A real `python -m sync.server` on loopback refuses a correction of a venue's gas use that
is a number, not yes or no."""

from __future__ import annotations

import pytest
from test_refusal_language import _flat, _sync_screen_text
from test_sync_ui import chinese, demo_server_running

from fieldapp.services.common import outbox
from fieldapp.services.demo import server as demo_server
from fieldapp.store.models import Outbox, SyncState, Venue

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
