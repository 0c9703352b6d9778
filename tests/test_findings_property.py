"""Property: events from several devices, delivered in any order, fold the same everywhere.

Each device (replica) appends only events that are valid from the state it sees, with
`base_event` = the last event it folded, and sometimes syncs with another device. Then
the union of every event is delivered to fresh replicas in random orders (and event by
event, folding after each delivery). Every replica must reach the same FindingState, every
event must appear in its `order`, and every event that did not apply must be a conflict.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.domain import findings as machine
from fieldapp.domain.findings import Event, fold

START = dt.datetime(2025, 6, 1, 8, 0, tzinfo=dt.UTC)
D0 = dt.date(2025, 6, 4)


@dataclass
class Replica:
    name: str
    role: str
    skew: int  # seconds this device's clock is off
    events: dict[str, Event] = field(default_factory=dict)

    def state(self) -> machine.FindingState:
        return fold(self.events.values())


def _data(event_type: str, n: int) -> dict[str, object]:
    if event_type in ("rejected", "deadline_extended"):
        return {"deadline": (D0 + dt.timedelta(days=1 + n % 20)).isoformat()}
    if event_type == "handed_over":
        unit = machine.HAND_OVER_UNITS[n % 3]
        return {"unit": unit, "reference": f"REF-{n}", "date": "2025-06-10"}
    if event_type == "outcome_recorded":
        return {"outcome": machine.OUTCOMES[n % len(machine.OUTCOMES)]}
    return {}


# One step: (device, action, choice, clock tick). action 0-2 append, 3 sync with another.
steps = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 50), st.integers(0, 5)),
    min_size=1,
    max_size=40,
)
roles = st.lists(st.sampled_from(["inspector", "supervisor"]), min_size=2, max_size=4)


def _history(
    device_roles: list[str], skews: list[int], plan: list[tuple[int, int, int, int]]
) -> list[Replica]:
    replicas = [
        Replica(f"dev{i}", role, skews[i % len(skews)]) for i, role in enumerate(device_roles)
    ]
    opened = Event(
        id="e000",
        type="opened",
        actor="dev0",
        role=replicas[0].role,
        at=START.isoformat(),
        device_id="dev0",
        data={"deadline": D0.isoformat(), "severity": "major"},
    )
    for replica in replicas:
        replica.events[opened.id] = opened
    clock = START
    for n, (device, action, choice, tick) in enumerate(plan, start=1):
        replica = replicas[device % len(replicas)]
        clock += dt.timedelta(seconds=tick)  # ticks of 0 make equal timestamps
        if action == 3:
            other = replicas[(device + 1 + choice) % len(replicas)]
            if other is not replica:
                merged = {**replica.events, **other.events}
                replica.events = dict(merged)
                if choice % 2:  # two-way sync
                    other.events = dict(merged)
            continue
        seen = replica.state()
        valid = [
            t
            for t in machine.EVENT_TYPES
            if t != "opened" and machine.check_transition(seen.state, t, replica.role) is None
        ]
        event_type = valid[choice % len(valid)]
        at = clock + dt.timedelta(seconds=replica.skew)
        event = Event(
            id=f"e{n:03d}{replica.name}",
            type=event_type,
            actor=replica.name,
            role=replica.role,
            at=at.isoformat(),
            base_event=seen.last_event_id,
            device_id=replica.name,
            data=_data(event_type, choice),
        )
        replica.events[event.id] = event
    return replicas


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    device_roles=roles,
    skews=st.lists(st.integers(-600, 600), min_size=1, max_size=4),
    plan=steps,
    seed=st.integers(0, 2**32 - 1),
)
def test_any_delivery_order_folds_to_the_same_state_and_loses_nothing(
    device_roles: list[str], skews: list[int], plan: list[tuple[int, int, int, int]], seed: int
) -> None:
    replicas = _history(device_roles, skews, plan)
    union: dict[str, Event] = {}
    for replica in replicas:
        union.update(replica.events)
    everything = list(union.values())
    expected = fold(everything)

    # no event lost: each is in the fold order once; each either applied or is a conflict
    assert sorted(expected.order) == sorted(union)
    conflict_ids = [c.event_id for c in expected.conflicts]
    assert len(set(conflict_ids)) == len(conflict_ids)
    assert set(conflict_ids) <= set(union)
    assert expected.state in machine.STATES

    rng = random.Random(seed)
    for _ in range(4):  # fresh replicas receiving the union in random orders
        delivery = everything[:]
        rng.shuffle(delivery)
        assert fold(delivery) == expected
        # event by event, folding after each arrival, as a syncing device does
        held: list[Event] = []
        for event in delivery:
            held.append(event)
            partial = fold(held)
            assert len(partial.order) == len(held)
        assert fold(held) == expected
        # duplicates (a retried pull) change nothing
        assert fold(delivery + delivery[: len(delivery) // 2]) == expected

    # the devices themselves, once fully synced, agree too
    for replica in replicas:
        replica.events.update(union)
        assert replica.state() == expected


def test_two_supervisors_deciding_the_same_report_keep_both_events() -> None:
    """The concrete case behind the property: verify and reject of one report."""
    opened = Event(
        "a", "opened", "i", "inspector", "2025-06-01T08:00:00Z", data={"deadline": "2025-06-04"}
    )
    report = Event("b", "rectification_reported", "i", "inspector", "2025-06-02T08:00:00Z", "a")
    verify = Event("c", "verified", "s1", "supervisor", "2025-06-03T08:00:00Z", "b")
    reject = Event(
        "d",
        "rejected",
        "s2",
        "supervisor",
        "2025-06-03T07:00:00Z",
        "b",
        data={"deadline": "2025-06-20"},
    )
    for order in ([opened, report, verify, reject], [reject, verify, report, opened]):
        state = fold(order)
        # reject is earlier by its clock: it applies, the verify lands on "open" and conflicts
        assert state.state == machine.OPEN and state.deadline == dt.date(2025, 6, 20)
        assert [c.event_id for c in state.conflicts] == ["c"]
        assert state.conflicts[0].after_event == "d"
        assert state.order == ("a", "b", "d", "c")


def _server_arrival(replicas: list[Replica], rng: random.Random) -> list[Event]:
    """One order the server may receive the events in: each device pushes its own events
    in the order it made them, interleaved at random with the others, and an event never
    reaches the server before its base (a device sees others' events only via the server).
    """
    union: dict[str, Event] = {}
    for replica in replicas:
        union.update(replica.events)
    queues = {
        r.name: sorted((e for e in union.values() if e.device_id == r.name), key=lambda e: e.id)
        for r in replicas
    }
    arrived: list[Event] = []
    seen: set[str] = set()
    while any(queues.values()):
        ready = [
            name
            for name, queue in queues.items()
            if queue and (queue[0].base_event is None or queue[0].base_event in seen)
        ]
        name = rng.choice(ready)
        event = queues[name].pop(0)
        arrived.append(event)
        seen.add(event.id)
    return arrived


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    device_roles=roles,
    skews=st.lists(st.integers(-600, 600), min_size=1, max_size=4),
    plan=steps,
    seed=st.integers(0, 2**32 - 1),
)
def test_with_server_sequences_every_replica_and_the_server_fold_alike(
    device_roles: list[str], skews: list[int], plan: list[tuple[int, int, int, int]], seed: int
) -> None:
    """Once replicas hold the same events with the same server sequences they agree, with
    each other and with the server, which judged each event once, on arrival."""
    rng = random.Random(seed)
    replicas = _history(device_roles, skews, plan)
    arrived = _server_arrival(replicas, rng)
    numbered = [replace(e, server_seq=n) for n, e in enumerate(arrived)]
    expected = fold(numbered)
    assert expected.order == tuple(e.id for e in arrived)  # the server's order is the fold's

    # The server flags a conflict when an event arrives and never judges it again.
    conflicts = {c.event_id for c in expected.conflicts}
    for n in range(1, len(numbered) + 1):
        landed = fold(numbered[:n])
        assert (numbered[n - 1].id in {c.event_id for c in landed.conflicts}) == (
            numbered[n - 1].id in conflicts
        )

    for _ in range(4):  # replicas receiving the numbered events in any order
        delivery = numbered[:]
        rng.shuffle(delivery)
        assert fold(delivery) == expected
        # a device that still holds some of its own events without their numbers, then
        # gets the numbers (push answer or pull), ends in the server's state
        cut = rng.randrange(len(delivery) + 1)
        unnumbered = [replace(e, server_seq=None) for e in delivery[cut:]]
        assert len(fold(delivery[:cut] + unnumbered).order) == len(delivery)
        assert fold(delivery[:cut] + unnumbered + delivery[cut:]) == expected
