"""A returned inspection and the re-inspection that supersedes it count once where the
device counts inspections: the daily report's figure, the dashboard's inspections per day
and completion per grid (venue-based, so once already)."""

from __future__ import annotations

from pathlib import Path

from inspect_support import answer_every_item, seed_store

from fieldapp.domain.clock import today
from fieldapp.services.daily_report import reports
from fieldapp.services.dashboard import figures
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.returned import returned_inspections
from fieldapp.services.rounds.completion import completion
from fieldapp.store.models import Inspection


def _submitted(venue_id: str) -> str:
    inspection_id = inspections.start_inspection(venue_id, reason="placard_missing")
    answer_every_item(inspection_id)
    inspections.submit(inspection_id, "店主")
    return inspection_id


def _counts() -> tuple[int, int, int]:
    day = today()
    per_day = figures.inspections_per_day(day, day, grids=["T01"])
    (grid,) = completion(day, day, grids=["T01"])
    return reports.report_counts("T01", day)["inspections"], per_day[0].count, grid.inspected


def test_a_returned_inspection_and_its_re_inspection_count_once(home: Path) -> None:
    venue_id = seed_store()
    returned = _submitted(venue_id)
    Inspection.update(review_state="returned", review_comment="请补拍照片").where(
        Inspection.id == returned
    ).execute()  # as a supervisor's return pulled by the sync writes it
    assert [r.inspection_id for r in returned_inspections()] == [returned]
    assert _counts() == (1, 1, 1)

    redo = _submitted(venue_id)
    assert Inspection.get_by_id(redo).supersedes == returned
    assert returned_inspections() == []
    assert _counts() == (1, 1, 1)

    _submitted(venue_id)  # another inspection, not a re-inspection: it counts
    assert _counts() == (2, 2, 1)
