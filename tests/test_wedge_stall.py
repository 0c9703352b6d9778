"""A scanner that stalls mid-placard: a USB hiccup or a busy host leaves a gap between two
of its keys. The scan is still a scan, and a field that had the focus keeps only what the
inspector typed into it. Timing as in test_wedge_scan: the detector's clock decides how
fast each key came, nothing sleeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_wedge_scan import Clock, burst, messages, my_venues, scanning_app, settle

from fieldapp.domain.placard import generate_key, sign_payload
from fieldapp.i18n import t
from fieldapp.services.placards import printing as placards
from fieldapp.store.models import Answer, Inspection
from fieldapp.tui.scanner import HOLD, PASS, SCAN, Step, WedgeDetector

PAYLOAD = "FA1:DM-0006:ABCDE:" + "A" * 103


def presses(d: WedgeDetector, text: str) -> list[Step]:
    return [d.press(c, c) for c in text]


def test_a_stall_inside_a_placard_keeps_its_keys_held() -> None:
    now = [0.0]

    def clock() -> float:
        now[0] += 0.005
        return now[0]

    d = WedgeDetector(clock=clock)
    held = presses(d, PAYLOAD[:30])
    now[0] += 0.4  # the scanner stalls after "FA1:DM-0006:ABCDE:AAAA…"
    assert d.expire(0.06) is False  # not given up: a placard's start
    held += presses(d, PAYLOAD[30:])
    assert {s.action for s in held} == {HOLD}
    assert d.press("enter", "\r") == Step(SCAN, text=PAYLOAD)


def test_keys_after_a_stall_in_the_header_are_held_again() -> None:
    now = [0.0]

    def clock() -> float:
        now[0] += 0.005
        return now[0]

    d = WedgeDetector(clock=clock)
    d.press("1", "1")  # typed into the field a moment before
    now[0] += 0.3
    assert {s.action for s in presses(d, PAYLOAD[:2])} == {HOLD}  # "FA"
    now[0] += 0.2  # the scanner stalls: "FA" is given back (to the field)...
    assert d.expire(0.06) is True
    assert {s.action for s in presses(d, PAYLOAD[2:])} == {HOLD}  # ...the rest is held
    assert d.press("enter", "\r") == Step(SCAN, text=PAYLOAD)


@pytest.mark.parametrize("stall_after", [2, 40])  # before the header is whole; in the signature
async def test_a_stalled_scan_over_a_number_field_is_a_scan_and_the_field_keeps_its_digit(
    demo_home: Path, stall_after: int
) -> None:
    key_id, private, public = generate_key()
    placards.register_public_key(key_id, public)
    venue = my_venues(1)[0]
    payload = sign_payload(venue.code, key_id, private)
    app, guard_clock = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, payload)
        await pilot.press("enter")  # start the inspection
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "InspectScreen"
        number = next(c for c in screen.codes if screen.view.checklist.item(c).answer == "number")
        screen.go_to(number)
        await pilot.pause()
        field = screen.card.answer_input
        field.focus()
        await pilot.press("1")
        clock = app.wedge.clock
        assert isinstance(clock, Clock)
        clock.now += 12.0  # the inspector waits; the repeat window has passed too
        guard_clock.now += 12.0
        await pilot.press(*payload[:stall_after])
        clock.now += 0.2  # the scanner stalls
        await pilot.press(*payload[stall_after:], "enter")
        await settle(app, pilot)
        assert app.screen is screen and screen.item.code == number
        assert field.value == "1"
        assert t("notify.presence_recorded") in messages(app)
    inspection = Inspection.get_by_id(screen.inspection_id)
    assert inspection.presence_payload == payload
    answers = Answer.select().where(Answer.inspection == inspection.id)
    assert [(a.item_code, a.value) for a in answers if a.item_code == number] == []


def test_a_person_typing_a_placard_start_slowly_is_not_held_as_one() -> None:
    """ "FA1:DM-0006" at 300 ms a key, then Enter: typing, not a scan."""
    now = [0.0]
    slow = WedgeDetector(clock=lambda: now[0])
    steps = []
    for c in "FA1:DM-0006":
        now[0] += 0.3
        slow.expire(0.06)
        steps.append(slow.press(c, c))
    now[0] += 0.3
    assert steps[-1].action == PASS and slow.press("enter", "\r").action == PASS
