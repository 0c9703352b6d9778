"""Hazard review (F5), conflicts tab at 80x24: a hazard verified (closed, 已销号) here while
the inspector, offline, recorded 未整改 for it. Closing ends a hazard's lifecycle (nobody
reopens it), so the conflict line says how the late report is followed up: a visit, and
the hazard recorded again; `a` alone used to leave nobody acting on it."""

from __future__ import annotations

import pytest
from pilot_support import settle
from review_screen_support import open_review, people_fixture  # noqa: F401 (a fixture)
from review_world import verified_here_rejected_elsewhere
from textual.widgets import Static

from fieldapp.domain.clock import now_iso
from fieldapp.domain.ids import new_id
from fieldapp.services import review
from fieldapp.services.inspection import findings
from fieldapp.services.review import ReviewFilters
from fieldapp.store.models import Finding, FindingEvent
from fieldapp.tui.app import make_app

SAID = {
    "zh": "已销号的隐患不能重开：请安排到场复查，仍未整改的在检查中重新登记为隐患。",
    "en": "A hazard closed out cannot be reopened: arrange a visit and, if it is still not fixed,"
    " record it again as a hazard in an inspection.",
}


def verified_here_not_fixed_by_the_inspector(inspector: str) -> str:
    [reported] = review.review_queue(ReviewFilters())
    seen = findings.fold_of(reported.finding_id).last_event_id
    assert review.bulk_apply([reported.finding_id], "verified")[0].applied
    FindingEvent.create(
        id=new_id(), finding=reported.finding_id, type="reopened", actor=inspector,
        role="inspector", device_id="dev-insp-0000001", base_event=seen, at=now_iso(),
        note="灭火器仍缺 2 具",
    )  # fmt: skip
    findings.refresh(Finding.get_by_id(reported.finding_id))
    return reported.finding_id


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("sender", ["inspector", "supervisor"])
async def test_a_not_fixed_after_closing_says_how_to_follow_it_up(
    people: dict[str, str], lang: str, sender: str
) -> None:
    if sender == "inspector":
        conflicted = verified_here_not_fixed_by_the_inspector(people["inspector"])
    else:
        conflicted = verified_here_rejected_elsewhere()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("5")
        await settle(app, pilot, rounds=2)
        assert screen.highlighted is not None and screen.highlighted.finding_id == conflicted
        detail = "".join(str(screen.query_one("#detail-body", Static).render()).split())
        assert "".join(SAID[lang].split()) in detail  # read across its wrapped lines
