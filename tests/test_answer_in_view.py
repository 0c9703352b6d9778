"""Unit: the inspect screen's view after an answer is built from the rows written, not
read back — it must be what reading them back gives: the answer (its note and photos
kept), the finding a failure opens or a pass drops, where the draft stands, what is asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import seed_store

from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.inspection_view import InspectionView, refresh


def shown(view: InspectionView) -> tuple[object, ...]:
    answers = {
        code: (a.outcome, a.value, a.note, a.photos, a.answered_at)
        for code, a in view.answers.items()
    }
    findings = {code: (f.id, f.severity, f.state) for code, f in view.findings.items()}
    return answers, findings, view.inspection.current_item, view.state


def test_the_view_after_each_answer_is_what_the_store_holds(home: Path) -> None:
    venue_id = seed_store()
    inspection_id = inspections.start_inspection(venue_id)
    view = inspections.load(inspection_id)
    yes_no = [item for item in view.checklist.items if item.answer == "yesno" and item.can_fail]
    first, second = yes_no[0], yes_no[1]
    inspections.set_note(inspection_id, first.code, "店主不在")
    inspections.add_answer_photo(inspection_id, first.code, "ab" * 32)
    view = inspections.load(inspection_id)
    steps = [(first, "fail"), (second, "na"), (first, "fail"), (first, "pass"), (second, "fail")]
    for item, outcome in steps:
        view, finding = inspections.answer_in_view(
            view, item, outcome, next_item=second.code if item is first else first.code
        )
        assert shown(view) == shown(refresh(view)), (item.code, outcome)
        assert (finding is not None) == (outcome == "fail")
    note = view.answers[first.code]
    assert (note.outcome, note.note, note.photos) == ("pass", "店主不在", ["ab" * 32])


def test_a_submitted_inspection_refuses_an_answer(home: Path) -> None:
    venue_id = seed_store()
    inspection_id = inspections.start_inspection(venue_id)
    view = inspections.load(inspection_id)
    item = next(i for i in view.checklist.items if i.answer == "yesno")
    view.inspection.status = "submitted"
    view.inspection.save()
    with pytest.raises(inspections.ReadOnly):
        inspections.answer_in_view(view, item, "pass")
    assert inspections.load(inspection_id).answers == {}
