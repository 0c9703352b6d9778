"""The keyboard-wedge detector on its own, with explicit timestamps: a USB scanner types
a placard as a fast burst of keys ending in Enter, a person types slower; keys that might
start a placard are held until it is clear which it is, and given back when it is not.
The same detector in the running app: test_wedge_scan."""

from __future__ import annotations

from fieldapp.tui.scanner import HOLD, PASS, SCAN, RepeatGuard, Step, WedgeDetector


def test_detector_fast_burst_is_a_scan_and_slow_typing_is_not() -> None:
    payload = "FA1:DM-0001:ABCDE:" + "A" * 103
    times = iter([i * 0.005 for i in range(200)])
    fast = WedgeDetector(clock=lambda: next(times))
    steps = [fast.press(c, c) for c in payload]
    assert {s.action for s in steps} == {HOLD}  # nothing reaches a field or a binding
    end = fast.press("enter", "\r")
    assert end.action == SCAN and end.text == payload

    slow_times = iter([i * 0.15 for i in range(200)])
    slow = WedgeDetector(clock=lambda: next(slow_times))
    steps = [slow.press(c, c) for c in payload]
    end = slow.press("enter", "\r")
    assert end.action == PASS
    # Only the keys that start a placard ("FA1:", which a stalled scanner may have typed
    # too) are held, each given back by the very next key; the rest is typing.
    assert all(s.replay for s in steps[1:5])
    assert all(s.action == PASS for s in steps[4:])


def test_detector_gives_back_held_keys_when_the_burst_is_not_a_placard() -> None:
    times = iter([i * 0.005 for i in range(50)])
    d = WedgeDetector(clock=lambda: next(times))
    assert d.press("F", "F").action == HOLD
    assert d.press("A", "A").action == HOLD
    step = d.press("X", "X")  # "FAX": no placard starts like that
    assert step.action == PASS and step.replay
    # Too short or too late an Enter is typing too.
    d2_times = iter([0.0, 0.005, 0.010, 0.015, 0.5])
    d2 = WedgeDetector(clock=lambda: next(d2_times))
    for c in "FA1:":
        d2.press(c, c)
    late = d2.press("enter", "\r")
    assert late.action == PASS and late.replay


def test_detector_finds_a_burst_right_after_a_typed_key() -> None:
    payload = "FA1:DM-0001:ABCDE:" + "A" * 103
    times = iter([i * 0.005 for i in range(200)])
    d = WedgeDetector(clock=lambda: next(times))
    assert d.press("y", "y").action == PASS
    first = d.press("F", "F")
    assert first.action == HOLD and first.burst_start
    for c in payload[1:]:
        d.press(c, c)
    assert d.press("enter", "\r") == Step(SCAN, text=payload)


def test_detector_lone_f_is_released_after_the_pause() -> None:
    now = [0.0]
    d = WedgeDetector(clock=lambda: now[0])
    assert d.press("F", "F").action == HOLD
    now[0] = 0.01
    assert d.expire(0.06) is False
    now[0] = 0.1
    assert d.expire(0.06) is True and not d.holding


def test_repeat_guard_window() -> None:
    now = [0.0]
    guard = RepeatGuard(window=10.0, clock=lambda: now[0])
    assert guard.repeated("FA1:X") is False
    now[0] = 9.0
    assert guard.repeated("FA1:X") is True
    assert guard.repeated("FA1:Y") is False
    now[0] = 10.5
    assert guard.repeated("FA1:X") is False
