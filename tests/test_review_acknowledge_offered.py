"""Hazard review (F5) at 80x24: `a` (acknowledge conflicts) is offered only while the
highlighted hazard has a conflict. On "5·冲突 0" it was in the footer and, pressed, only
said "光标所在的隐患没有待确认的冲突。"."""

from __future__ import annotations

import pytest
from pilot_support import footer_keys_seen, settle
from review_screen_support import open_review, people_fixture  # noqa: F401 (a fixture)
from review_world import verified_here_rejected_elsewhere

from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen


def offers_acknowledge(screen: ReviewScreen) -> bool:
    offered = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
    return "acknowledge" in offered


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_acknowledge_is_offered_only_for_a_conflict(
    people: dict[str, str],
    lang: str,
) -> None:
    conflicted = verified_here_rejected_elsewhere()
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
