"""Hazard review (F5) at 80x24: `a` (acknowledge conflicts) is offered only while the
highlighted hazard has a conflict. On "5·冲突 0" it was in the footer and, pressed, only
said "光标所在的隐患没有待确认的冲突。"."""

from __future__ import annotations

import datetime as dt

import pytest
from pilot_support import footer_keys_seen, settle
from test_review_screen import open_review, people  # noqa: F401 (a fixture)

from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.ids import new_id
from fieldapp.services import review
from fieldapp.services.inspection import findings
from fieldapp.services.review import ReviewFilters
from fieldapp.store.models import Finding, FindingEvent, Person, PersonGrid
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen


def in_conflict() -> str:
    """A report verified here and rejected offline by another supervisor: a conflict."""
    other = new_id()
    Person.create(id=other, name="郑村网格长", role="supervisor")
    PersonGrid.create(person=other, grid="T01")
    [reported] = review.review_queue(ReviewFilters())
    seen = findings.fold_of(reported.finding_id).last_event_id
    assert review.bulk_apply([reported.finding_id], "verified")[0].applied
    FindingEvent.create(
        id=new_id(),
        finding=reported.finding_id,
        type="rejected",
        actor=other,
        role="supervisor",
        device_id="dev-zheng-0000001",
        base_event=seen,
        at=now_iso(),
        data={"deadline": (today() + dt.timedelta(days=5)).isoformat()},
    )
    findings.refresh(Finding.get_by_id(reported.finding_id))
    return reported.finding_id


def offers_acknowledge(screen: ReviewScreen) -> bool:
    offered = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
    return "acknowledge" in offered


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_acknowledge_is_offered_only_for_a_conflict(
    people: dict[str, str],  # noqa: F811
    lang: str,
) -> None:
    conflicted = in_conflict()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("2")  # overdue hazards, none in conflict: no `a`
        await settle(app, pilot, rounds=2)
        assert screen.highlighted is not None and not screen.highlighted.conflict
        assert not offers_acknowledge(screen) and "acknowledge" not in footer_keys_seen(screen)
        await pilot.press("5")  # the conflict: `a` offered
        await settle(app, pilot, rounds=2)
        assert screen.highlighted is not None and screen.highlighted.finding_id == conflicted
        assert offers_acknowledge(screen) and "acknowledge" in footer_keys_seen(screen)
        await pilot.press("a")
        await settle(app, pilot, rounds=2)
        assert Finding.get_by_id(conflicted).conflict is False
        app.clear_notifications()
        # "5·冲突 0": nothing to acknowledge, nothing offered, nothing said when pressed
        assert screen.highlighted is None
        assert not offers_acknowledge(screen) and "acknowledge" not in footer_keys_seen(screen)
        await pilot.press("a")
        await settle(app, pilot)
        assert not list(app._notifications)
