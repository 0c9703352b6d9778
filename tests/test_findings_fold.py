"""The hazard lifecycle: each state is the fold of the finding's events, in any order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random

import pytest

from fieldapp.domain import findings as m
from fieldapp.domain.findings import Event, fold

INSPECTOR, SUPERVISOR = "inspector", "supervisor"


def ev(
    n: int,
    type_: str,
    *,
    role: str = SUPERVISOR,
    base: int | None = None,
    minute: int | None = None,
    **data: object,
) -> Event:
    return Event(
        id=f"e{n:02d}",
        type=type_,
        actor="p-" + role,
        role=role,
        at=f"2026-06-10T08:{minute if minute is not None else n:02d}:00.000Z",
        base_event=None if base is None else f"e{base:02d}",
        data=data,
    )


def opened(deadline: str = "2026-06-13") -> Event:
    return ev(0, "opened", role=INSPECTOR, deadline=deadline, severity="general")


def test_opened() -> None:
    state = fold([opened()])
    assert state.state == m.OPEN
    assert state.deadline == dt.date(2026, 6, 13)
    assert state.last_event_id == "e00" and not state.conflicts


def test_no_events_is_open() -> None:
    assert fold([]).state == m.OPEN


def test_report_then_verify_closes() -> None:
    events = [opened(), ev(1, "rectification_reported", role=INSPECTOR, base=0)]
    assert fold(events).state == m.REPORTED
    events.append(ev(2, "verified", base=1))
    assert fold(events).state == m.CLOSED


def test_reject_reopens_with_a_new_deadline() -> None:
    events = [
        opened(),
        ev(1, "rectification_reported", role=INSPECTOR, base=0),
        ev(2, "rejected", base=1, deadline="2026-06-20"),
    ]
    state = fold(events)
    assert state.state == m.OPEN and state.deadline == dt.date(2026, 6, 20)


def test_extension_keeps_the_state_and_moves_the_deadline() -> None:
    state = fold([opened(), ev(1, "deadline_extended", base=0, deadline="2026-07-01")])
    assert state.state == m.OPEN and state.deadline == dt.date(2026, 7, 1)


def test_hand_over_outcome_and_close() -> None:
    events = [
        opened(),
        ev(1, "handed_over", base=0, unit="fire_brigade", reference="消-2026-17"),
        ev(2, "outcome_recorded", base=1, outcome="penalty"),
        ev(3, "closed", base=2),
    ]
    assert fold(events[:2]).state == m.HANDED_OVER
    assert fold(events[:2]).handed_over_to == "fire_brigade"
    assert fold(events[:2]).reference == "消-2026-17"
    assert fold(events[:3]).state == m.OUTCOME_RECORDED
    assert fold(events[:3]).outcome == "penalty"
    assert fold(events).state == m.CLOSED


def test_note_changes_nothing() -> None:
    state = fold([opened(), ev(1, "note", role=INSPECTOR, base=0, still_open=True)])
    assert state.state == m.OPEN and not state.conflicts and state.last_event_id == "e01"


def test_an_inspector_may_not_verify_and_the_event_is_kept_as_a_conflict() -> None:
    events = [
        opened(),
        ev(1, "rectification_reported", role=INSPECTOR, base=0),
        ev(2, "verified", role=INSPECTOR, base=1),
    ]
    state = fold(events)
    assert state.state == m.REPORTED
    assert [c.event_id for c in state.conflicts] == ["e02"]
    assert "e02" in state.order  # kept, not dropped


def test_concurrent_events_are_all_kept_and_the_loser_is_a_conflict() -> None:
    # Two supervisors act on the same reported hazard without seeing each other.
    events = [
        opened(),
        ev(1, "rectification_reported", role=INSPECTOR, base=0),
        ev(2, "verified", base=1, minute=10),
        ev(3, "rejected", base=1, minute=11, deadline="2026-06-30"),
    ]
    state = fold(events)
    assert state.state == m.CLOSED  # the earlier one wins
    assert [(c.event_id, c.state) for c in state.conflicts] == [("e03", m.CLOSED)]
    assert set(state.order) == {"e00", "e01", "e02", "e03"}


def test_same_events_in_any_order_fold_to_the_same_state() -> None:
    events = [
        opened(),
        ev(1, "rectification_reported", role=INSPECTOR, base=0),
        ev(2, "rejected", base=1, deadline="2026-06-20"),
        ev(3, "note", role=INSPECTOR, base=2),
        ev(4, "rectification_reported", role=INSPECTOR, base=3),
        ev(5, "verified", base=4, minute=30),
        ev(6, "handed_over", base=4, minute=31, unit="police_station", reference="R1"),
    ]
    expected = fold(events)
    assert expected.state == m.CLOSED and len(expected.conflicts) == 1
    for perm in itertools.islice(itertools.permutations(events), 0, 5040, 97):
        assert fold(list(perm)) == expected
    rng = random.Random(1)
    for _ in range(50):
        shuffled = events[:]
        rng.shuffle(shuffled)
        assert fold(shuffled) == expected


def test_causal_order_beats_a_skewed_device_clock() -> None:
    # The report's device clock is behind: it claims a time before the opening.
    events = [opened(), ev(1, "rectification_reported", role=INSPECTOR, base=0, minute=0)]
    events[1] = Event(**{**events[1].__dict__, "at": "2026-06-10T07:00:00.000Z"})
    assert [e.id for e in m.causal_order(events)] == ["e00", "e01"]
    assert fold(reversed(events)).state == m.REPORTED


def test_the_server_sequence_orders_concurrent_events_not_the_device_clocks() -> None:
    # verify reached the server first (seq 2), reject second (seq 3), though reject's
    # device clock says it came earlier: the server's order decides (invariant 3).
    events = [
        dataclasses.replace(opened(), server_seq=0),
        dataclasses.replace(ev(1, "rectification_reported", role=INSPECTOR, base=0), server_seq=1),
        dataclasses.replace(ev(2, "verified", base=1, minute=30), server_seq=2),
        dataclasses.replace(
            ev(3, "rejected", base=1, minute=5, deadline="2026-06-30"), server_seq=3
        ),
    ]
    for perm in itertools.permutations(events):
        state = fold(list(perm))
        assert state.state == m.CLOSED and state.order == ("e00", "e01", "e02", "e03")
        assert [(c.event_id, c.state) for c in state.conflicts] == [("e03", m.CLOSED)]


def test_events_the_server_has_not_numbered_fold_after_those_it_has() -> None:
    # This device's own reject is not yet acknowledged; the verify it pulled is numbered.
    events = [
        dataclasses.replace(opened(), server_seq=0),
        dataclasses.replace(ev(1, "rectification_reported", role=INSPECTOR, base=0), server_seq=1),
        dataclasses.replace(ev(2, "verified", base=1, minute=30), server_seq=2),
        ev(3, "rejected", base=1, minute=5, deadline="2026-06-30"),
    ]
    state = fold(reversed(events))
    assert state.order == ("e00", "e01", "e02", "e03") and state.state == m.CLOSED
    # a copy with the server's number wins over the local copy without one
    numbered = dataclasses.replace(events[3], server_seq=3)
    assert fold([*events, numbered]) == fold([*events[:3], numbered])


def test_events_from_mappings_fold_like_events() -> None:
    raw = [
        {
            "id": "a",
            "type": "opened",
            "role": INSPECTOR,
            "at": "2026-06-10T08:00:00Z",
            "data": {"deadline": "2026-06-11"},
        },
        {
            "id": "b",
            "type": "rectification_reported",
            "role": INSPECTOR,
            "at": "2026-06-10T09:00:00Z",
            "base_event": "a",
        },
    ]
    assert fold(raw).state == m.REPORTED


def test_overdue_is_derived_from_the_deadline_and_today() -> None:
    state = fold([opened("2026-06-13")])
    assert not state.is_overdue(dt.date(2026, 6, 13))  # due today is not overdue
    assert state.is_overdue(dt.date(2026, 6, 14))
    reported = fold([opened("2026-06-13"), ev(1, "rectification_reported", role=INSPECTOR, base=0)])
    assert not reported.is_overdue(dt.date(2026, 7, 1))  # waiting for a re-check
    extended = fold(
        [opened("2026-06-13"), ev(1, "deadline_extended", base=0, deadline="2026-06-30")]
    )
    assert not extended.is_overdue(dt.date(2026, 6, 20))


def test_check_transition_names_the_reason() -> None:
    assert m.check_transition(m.OPEN, "rectification_reported", INSPECTOR) is None
    assert m.check_transition(m.OPEN, "verified", SUPERVISOR) is not None
    assert m.check_transition(m.REPORTED, "handed_over", INSPECTOR) is not None
    assert m.check_transition(m.OPEN, "bogus", SUPERVISOR) is not None
    assert m.role_may_send(INSPECTOR, "note") and not m.role_may_send(INSPECTOR, "closed")


@pytest.mark.parametrize("role", ["inspector", "supervisor", "admin", ""])
@pytest.mark.parametrize(
    "data",
    [{}, {"deadline": "2026-06-20", "severity": "major"}, {"deadline": "not a date"},
     {"deadline": 20260620, "severity": "x"}, {"severity": "general"}],
)  # fmt: skip
def test_an_opening_alone_folds_as_the_fold_does(role, data):
    from fieldapp.domain.findings import fold_opening

    opened = {"id": "e1", "type": "opened", "actor": "p", "role": role, "at": "2026-06-10",
              "data": data, "server_seq": 0}  # fmt: skip
    quick = fold_opening("e1", role, data, at=opened["at"])
    full = fold([opened])
    if quick is None:
        assert full.conflicts
    else:
        assert quick == full


def test_a_rejection_landing_after_a_not_fixed_sets_its_deadline_without_a_conflict() -> None:
    events = [
        opened(),
        ev(1, "rectification_reported", role=INSPECTOR, base=0),
        ev(2, "reopened", role=INSPECTOR, base=1),
        ev(3, "rejected", base=1, deadline="2026-06-30"),
    ]
    state = fold(events)
    assert (state.state, state.deadline, state.conflicts) == (m.OPEN, dt.date(2026, 6, 30), ())
    # an inspector's rejection is still refused, whatever the state
    assert fold([*events[:3], ev(3, "rejected", role=INSPECTOR, base=1)]).conflicts
