"""Letters sent to another unit said each action's UTC date: an incident reported at 02:59
in Beijing (18:59Z the day before) and handed over at 03:00 was printed 2026-12-07 上报事件 …
/ 2026-12-07 移交 … while the detail screen said 上报 2026-12-08 02:59. The letter now
prints the office's date, as the screens do."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from incident_letter_support import handed_over_incident
from review_world import add_finding, build_world

from fieldapp.services import review
from fieldapp.services.documents import notices as documents
from fieldapp.services.documents.hazard_names import finding_id_named
from fieldapp.services.documents.notices import DocumentError
from fieldapp.services.incidents import letters
from fieldapp.store import close_store
from fieldapp.store.incident_models import IncidentEvent
from fieldapp.store.models import Finding, FindingEvent

AT = "2026-12-07T18:59:42.000Z"  # 02:59 on the 8th in Beijing


@pytest.fixture
def in_beijing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_incident_letter_dates_each_action_on_the_office_s_day(
    demo_home: Path, in_beijing: None
) -> None:
    incident_id = handed_over_incident()
    IncidentEvent.update(at=AT).where(IncidentEvent.incident == incident_id).execute()
    (incident,) = letters.incident_letter([incident_id]).incidents
    assert incident.history and all(line.startswith("2026-12-08 ") for line in incident.history)


def test_the_hazard_letter_and_its_names_say_the_office_s_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_beijing: None
) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    world = build_world(tmp_path)
    try:
        first = add_finding(world, "DM-0002", "COM-04", severity="major")
        add_finding(world, "DM-0002", "COM-04", severity="major")
        Finding.update(created_at=AT).execute()
        with pytest.raises(DocumentError, match="2026-12-08") as named:
            finding_id_named("DM-0002 COM-04")  # found twice: both listed with their day
        assert "2026-12-07" not in str(named.value)
        rows = review.review_queue(review.ReviewFilters(queue="all"))  # F5's 发现 column
        assert {row.found_on for row in rows} == {dt.date(2026, 12, 8)}
        data = {"unit": "fire_brigade", "reference": "鼎网移〔2025〕7号"}
        assert all(r.applied for r in review.bulk_apply([first], "handed_over", "", data))
        FindingEvent.update(at=AT).where(FindingEvent.finding == first).execute()
        (hazard,) = documents.handover_letter([first]).findings
        assert hazard.found_on == dt.date(2026, 12, 8)
        assert hazard.history and all(line.startswith("2026-12-08") for line in hazard.history)
    finally:
        close_store()
