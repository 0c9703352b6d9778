"""The server judges a hand-over's date against the day the incident happened, or the
hazard was found, where the office is: on a host on UTC it took the host's day, so an
incident at 00:30 on 12-06 in Shanghai (16:30 UTC on 12-05) took a hand-over dated 12-05,
a day before it happened, and a hazard found at 00:30 on 06-10 one dated 06-09."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from sync_world import event, finding_event, inspection_submit

from fieldapp.domain.ids import new_id


@pytest.fixture
def utc_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The server's host on UTC, its office in Shanghai (set before the server starts)."""
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("FIELDAPP_OFFICE_TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _hand_over(date: str, base: str) -> dict[str, object]:
    data = {"unit": "police_station", "reference": "公移〔2026〕12号", "date": date}
    return event("handed_over", "p-sup", base=base, role="supervisor", data=data)


@pytest.mark.usefixtures("utc_host")
def test_a_hand_over_is_dated_against_the_offices_day_on_a_utc_server(make_device, seed):  # type: ignore[no-untyped-def]
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp", at="2026-06-09T16:30:00.000Z")
    finding = submit["findings"][0]
    opened_id = finding["events"][0]["id"]
    inspector.enqueue("inspection.submit", submit)
    fixed = event("rectification_reported", "p-insp", base=opened_id)
    inspector.enqueue("finding.event", finding_event(finding["id"], fixed))
    with inspector.client() as client:
        assert client.sync_once().ok

    boss = make_device("boss").enroll("p-sup")
    incident_id, midnight = new_id(), "2026-12-05T16:30:00.000Z"  # 12-06 00:30 in Shanghai
    reported = event("reported", "p-sup", at="2026-12-05T17:00:00.000Z")
    incident = {"id": incident_id, "category": "complaint", "grid_code": "V1", "address": "村口",
                "occurred_at": midnight, "description": "店门口堆放杂物",
                "created_at": "2026-12-05T17:00:00.000Z", "created_by": "p-sup"}  # fmt: skip
    boss.enqueue("incident.event", {"incident_id": incident_id, "incident": incident,
                                    "event": reported})  # fmt: skip
    early_incident = boss.enqueue("incident.event", {
        "incident_id": incident_id, "event": _hand_over("2026-12-05", reported["id"]),
    })  # fmt: skip
    early_hazard = boss.enqueue(
        "finding.event", finding_event(finding["id"], _hand_over("2026-06-09", opened_id))
    )
    with boss.client() as client:
        client.sync_once()
    rows = boss.outbox()
    outcomes = [
        (rows[op].state, rows[op].refusal_code, json.loads(rows[op].refusal_params or "{}"))
        for op in (early_incident, early_hazard)
    ]
    assert outcomes == [
        ("rejected", "incident_handed_over_early", {"date": "2026-12-05", "earliest": "2026-12-06"}),
        ("rejected", "hand_over_too_early", {"date": "2026-06-09", "earliest": "2026-06-10"}),
    ]  # fmt: skip
