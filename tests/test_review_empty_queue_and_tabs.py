"""Hazard review (F5) at 80x24: an empty queue offers no key that acts on chosen hazards
(`v` on "1 Re-check 0" only said "Choose hazards first"), and the queue tabs keep each
count apart from the next tab's key ("1 待复查 1 2 已逾期 7" read as "1 2")."""

from __future__ import annotations

import re

import pytest
from pilot_support import footer_keys_seen, settle
from review_screen_support import open_review, people_fixture  # noqa: F401 (a fixture)
from textual.widgets import Tab

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import TABS
from fieldapp.tui.widgets import PagedTable

BULK = {"bulk('verified')", "bulk('rejected')", "bulk('deadline_extended')", "bulk('closed')"}
FINDING_KEYS = {*BULK, "bulk('handed_over')", "print_notice", "print_letter"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_an_empty_queue_offers_no_bulk_action(people: dict[str, str], lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot)
        empty = 1 + TABS.index(next(q for q in TABS if not screen.counts.get(q)))
        await pilot.press(str(empty))
        await settle(app, pilot, rounds=2)
        assert screen.query_one("#review-table", PagedTable).row_count == 0
        seen = set(footer_keys_seen(screen))
        assert not seen & FINDING_KEYS, seen
        offered = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
        assert not offered & FINDING_KEYS, offered
        await pilot.press("v")  # not offered: nothing happens, nothing is said
        await settle(app, pilot)
        assert not list(app._notifications)
        await pilot.press("2")  # overdue hazards: the keys for them come back
        await settle(app, pilot, rounds=2)
        assert screen.query_one("#review-table", PagedTable).row_count > 0
        assert "bulk('deadline_extended')" in footer_keys_seen(screen)
        offered = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
        assert {"bulk('deadline_extended')", "print_notice"} <= offered
        await pilot.press(str(empty))  # and go again on the empty one
        await settle(app, pilot, rounds=2)
        assert not set(footer_keys_seen(screen)) & FINDING_KEYS


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_tabs_count_does_not_run_into_the_next_tabs_key(
    people: dict[str, str],
    lang: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot)
        tabs = [tab.label.plain for tab in screen.query(Tab)]
        assert len(tabs) == 6
        for n, label in enumerate(tabs, start=1):
            assert re.fullmatch(rf"{n}·\D+ \d+", label), label
        # a count is followed by a key joined to its name: "1 2·已逾期", never "1 2 已逾期"
        assert not re.search(r"\d \d ", " ".join(tabs)), tabs
        for tab in screen.query(Tab):
            assert tab.region.right <= 80
