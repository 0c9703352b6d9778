"""The incident lifecycle is rows of the hazard fold's table: same fold, order, conflicts."""

from __future__ import annotations

from typing import Any

import pytest

from fieldapp.domain import finding_checks
from fieldapp.domain import findings as machine
from fieldapp.domain import incidents as inc
from fieldapp.domain.findings import Event, fold

INSPECTOR, SUPERVISOR = "inspector", "supervisor"


pytestmark = pytest.mark.usefixtures("english")


def ev(
    n: int, type_: str, *, role: str = SUPERVISOR, base: int | None = None, **data: Any
) -> Event:
    return Event(
        id=f"i{n:02d}",
        type=type_,
        actor="p-" + role,
        role=role,
        at=f"2026-02-11T06:{40 + n:02d}:00.000Z",
        base_event=None if base is None else f"i{base:02d}",
        data=data,
    )


def reported() -> Event:
    return ev(0, "reported", role=INSPECTOR, category="fireworks_sale")


HANDED = {"unit": "police_station", "reference": "派移〔2026〕3号", "date": "2026-02-11"}


def test_reported_to_closed_through_hand_over_and_outcome() -> None:
    events = [reported()]
    assert fold(events, inc.INCIDENT).state == inc.REPORTED
    events.append(ev(1, "assigned", base=0, person="p-inspector"))
    assert fold(events, inc.INCIDENT).assigned_to == "p-inspector"
    events.append(ev(2, "handed_over", base=1, **HANDED))
    state = fold(events, inc.INCIDENT)
    assert (state.state, state.handed_over_to, state.reference) == (
        inc.HANDED_OVER,
        "police_station",
        "派移〔2026〕3号",
    )
    events.append(ev(3, "outcome_recorded", base=2, outcome="goods_seized"))
    events.append(ev(4, "closed", base=3))
    state = fold(events, inc.INCIDENT)
    assert (state.state, state.outcome, state.conflicts) == (inc.CLOSED, "goods_seized", ())


def test_no_events_is_reported_not_a_hazard_state() -> None:
    assert fold([], inc.INCIDENT).state == inc.REPORTED
    assert fold([]).state == machine.OPEN


def test_two_supervisors_closing_at_once_keeps_both_and_flags_the_second() -> None:
    events = [
        reported(),
        ev(1, "outcome_recorded", base=0, outcome="warned"),
        ev(2, "closed", base=1),
        ev(3, "closed", base=1),
    ]
    state = fold(events, inc.INCIDENT)
    assert state.state == inc.CLOSED
    assert [c.event_id for c in state.conflicts] == ["i03"]
    assert state.order == ("i00", "i01", "i02", "i03")


def test_an_inspector_may_report_but_not_hand_over() -> None:
    folded = fold([reported()], inc.INCIDENT)
    refusal = finding_checks.check_event(
        folded, "handed_over", INSPECTOR, data=HANDED, lifecycle=inc.INCIDENT
    )
    assert refusal is not None and "grid head" in refusal
    assert finding_checks.check_event(folded, "note", INSPECTOR, lifecycle=inc.INCIDENT) is None


@pytest.mark.parametrize(
    ("event_type", "data", "words"),
    [
        ("handed_over", {**HANDED, "unit": "fire_brigade_typo"}, "urban management"),
        ("handed_over", {**HANDED, "reference": " "}, "reference"),
        ("outcome_recorded", {"outcome": "penalty"}, "outcome"),  # a hazard's, not an incident's
        ("assigned", {}, "assign"),
    ],
)
def test_incomplete_data_is_refused_with_the_incident_words(
    event_type: str, data: dict[str, str], words: str
) -> None:
    folded = fold([reported()], inc.INCIDENT)
    refusal = finding_checks.check_event(
        folded, event_type, SUPERVISOR, data=data, lifecycle=inc.INCIDENT
    )
    assert refusal is not None and words in refusal.lower()


def test_urban_management_is_a_unit_of_incidents_only() -> None:
    incident = fold([reported()], inc.INCIDENT)
    data = {**HANDED, "unit": "urban_management"}
    assert (
        finding_checks.check_event(
            incident, "handed_over", SUPERVISOR, data=data, lifecycle=inc.INCIDENT
        )
        is None
    )
    assert finding_checks.check_event_data("handed_over", data) is not None  # hazards: not a unit


def test_hazards_and_incidents_run_through_the_same_fold_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One state machine: both kinds are judged by the one `check_transition` inside the
    one `fold`, each with its own table; the incident module adds rows, no fold."""
    seen: list[str] = []
    real = machine.check_transition

    def spy(
        state: str, event_type: str, role: str, lifecycle: machine.Lifecycle = machine.HAZARD
    ) -> str | None:
        seen.append(lifecycle.name)
        return real(state, event_type, role, lifecycle)

    monkeypatch.setattr(machine, "check_transition", spy)
    fold(
        [
            Event(
                id="h0",
                type="opened",
                actor="a",
                role=INSPECTOR,
                at="t",
                data={"deadline": "2026-02-20"},
            )
        ]
    )
    fold([reported()], inc.INCIDENT)
    assert seen == ["finding", "incident"]
    assert not hasattr(inc, "fold") and not hasattr(inc, "causal_order")
    assert inc.INCIDENT.transitions is inc.TRANSITIONS
    assert machine.HAZARD.transitions is machine.TRANSITIONS
