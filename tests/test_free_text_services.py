"""The free-text rule (`fieldapp.domain.free_text`) in the services behind the other
forms: the representative's name at submit and a hand-over's reference number (文号)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import answer_every_item

from fieldapp.domain import finding_checks
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Inspection, Venue

pytestmark = pytest.mark.usefixtures("chinese")


def test_a_representative_of_emoji_is_refused_at_submit(demo_home: Path) -> None:
    venue = Venue.select().order_by(Venue.code).first()
    inspection_id = inspections.start_inspection(venue.id, reason="placard_missing")
    answer_every_item(inspection_id)
    with pytest.raises(inspections.RepresentativeRefused, match="场所负责人的姓名"):
        inspections.submit(inspection_id, "😀😀")
    assert Inspection.get_by_id(inspection_id).status == "draft"
    inspections.submit(inspection_id, "王老板")
    assert Inspection.get_by_id(inspection_id).status == "submitted"


@pytest.mark.parametrize("reference", ["Q", "😀", "--"])
def test_a_hand_over_reference_of_one_character_or_marks_is_refused(reference: str) -> None:
    data = {"unit": "police_station", "reference": reference, "date": "2026-01-05"}
    said = finding_checks.check_event_data("handed_over", data)
    assert said is not None and "文号" in said
    assert finding_checks.check_event_data("handed_over", {**data, "reference": "公移12号"}) is None
