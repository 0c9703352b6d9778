"""What a person is told when a hazard action is refused (`check_event`, the check the
device makes before appending and the server before applying): the exact sentence, and
the boundary of each rule (a deadline of today is not in the past; an extension to the
same day is not later; a general hazard is handed over the day after its deadline)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain import findings as m
from fieldapp.domain.finding_checks import check_event
from fieldapp.domain.findings import Event, FindingState, check_transition

pytestmark = pytest.mark.usefixtures("english")


TODAY = dt.date(2026, 6, 10)
DUE = dt.date(2026, 6, 13)
HAND_OVER = {"unit": "police_station", "reference": "鼎公移〔2026〕7号", "date": "2026-06-10"}


def state(
    name: str = m.OPEN, *, deadline: dt.date | None = DUE, severity: str = "general"
) -> FindingState:
    """A hazard that was opened (and is now in `name`)."""
    return FindingState(name, deadline, "e1", order=("e0", "e1"), severity=severity)


def refusal(folded: FindingState, event_type: str, role: str = "supervisor", **kw) -> str | None:
    return check_event(folded, event_type, role, today=TODAY, **kw)


def test_an_inspector_reports_and_notes_but_never_decides():
    assert refusal(state(), "rectification_reported", "inspector") is None
    assert refusal(state(), "note", "inspector") is None
    for event, text in [("verified", "Verified"), ("rejected", "Rejected"),
                        ("deadline_extended", "Deadline extended"), ("handed_over", "Handed over"),
                        ("closed", "Closed out")]:  # fmt: skip
        assert refusal(state(m.REPORTED), event, "inspector") == (
            f"Your role cannot '{text}': only a grid head or an administrator verifies, "
            "hands over and closes out."
        )
    assert refusal(state(), "promoted") == "Unknown action promoted"


def test_an_action_the_state_does_not_allow_names_both():
    assert refusal(state(m.OPEN), "verified") == (
        "The hazard is 'To rectify'; 'Verified' is not possible now."
    )
    assert refusal(state(m.CLOSED), "closed") == (
        "The hazard is 'Closed out'; 'Closed out' is not possible now."
    )
    assert refusal(state(m.HANDED_OVER), "outcome_recorded", data={"outcome": "fixed"}) is None
    assert refusal(state(m.REPORTED), "verified") is None
    assert refusal(state(m.OUTCOME_RECORDED), "closed") is None


def test_only_a_hazard_not_yet_opened_may_be_opened():
    fresh = FindingState("", None, None)
    assert check_event(fresh, "opened", "inspector") is None
    assert check_event(state(), "opened", "inspector") == (
        "The hazard is 'To rectify'; 'Hazard found' is not possible now."
    )


@pytest.mark.parametrize("event", ["rejected", "deadline_extended"])
def test_a_new_deadline_is_a_date_of_today_or_later(event: str):
    folded = state(m.REPORTED, deadline=dt.date(2026, 6, 9))
    for bad in (None, "", "2026-13-01", "soon", 0):
        data = {} if bad is None else {"deadline": bad}
        assert refusal(folded, event, data=data) == "Enter the new rectification deadline (a date)."
    assert check_event(folded, event, "supervisor") == (  # no data at all
        "Enter the new rectification deadline (a date)."
    )
    yesterday = {"deadline": "2026-06-09"}
    assert refusal(folded, event, data=yesterday) == "The new deadline cannot be before today."
    assert refusal(folded, event, data={"deadline": "2026-06-10"}) is None
    # Without today's date (the fold's own check) the past is not judged.
    assert check_event(folded, event, "supervisor", data=yesterday) is None


@pytest.mark.parametrize("event", ["rejected", "deadline_extended"])
def test_a_new_deadline_lies_within_a_year_a_slip_of_the_year_is_refused(event: str):
    folded = state(m.REPORTED if event == "rejected" else m.OPEN)
    assert refusal(folded, event, data={"deadline": "2027-06-10"}) is None  # a year from today
    at_most = "A deadline can be at most 2027-06-10 (within a year); check the year."
    assert refusal(folded, event, data={"deadline": "2027-06-11"}) == at_most
    assert refusal(folded, event, data={"deadline": "2099-12-31"}) == at_most
    assert check_event(folded, event, "supervisor", data={"deadline": "2099-12-31"}) is None


def test_a_hand_over_is_dated_today_at_the_latest():
    folded = state(m.OPEN, severity="major")
    tomorrow = {**HAND_OVER, "date": "2026-06-11"}
    assert refusal(folded, "handed_over", data=tomorrow) == (
        "The hand-over date 2026-06-11 has not come yet; enter the day it was handed over "
        "(today at the latest)."
    )
    assert refusal(folded, "handed_over", data={**HAND_OVER, "date": "2026-06-01"}) is None


def test_an_extension_moves_the_deadline_later():
    folded = state(m.OPEN, deadline=DUE)
    same = {"deadline": DUE.isoformat()}
    assert refusal(folded, "deadline_extended", data=same) == (
        "An extension must move the deadline after 2026-06-13."
    )
    assert refusal(folded, "deadline_extended", data={"deadline": "2026-06-14"}) is None
    reported = state(m.REPORTED, deadline=DUE)
    assert refusal(reported, "rejected", data=same) is None  # a rejection may keep the date
    assert refusal(reported, "deadline_extended", data={"deadline": DUE}) == (
        "An extension must move the deadline after 2026-06-13."
    )
    undated = state(m.OPEN, deadline=None)
    assert refusal(undated, "deadline_extended", data={"deadline": "2026-06-11"}) is None


def test_a_hand_over_needs_its_unit_reference_and_date():
    folded = state(m.OPEN, severity="major")
    assert refusal(folded, "handed_over", data=HAND_OVER) is None
    for field, value, text in [
        ("unit", "township_office", "Choose the receiving unit: police station, fire brigade "
                                    "or enforcement section."),
        ("unit", None, "Choose the receiving unit: police station, fire brigade or enforcement "
                       "section."),
        ("reference", "  ", "Enter the hand-over reference number."),
        ("reference", None, "Enter the hand-over reference number."),
        ("date", "2026-02-30", "Enter the hand-over date."),
        ("date", None, "Enter the hand-over date."),
    ]:  # fmt: skip
        data = {k: v for k, v in {**HAND_OVER, field: value}.items() if v is not None}
        assert refusal(folded, "handed_over", data=data) == text, (field, value)


def test_an_outcome_is_one_of_the_known_ones():
    folded = state(m.HANDED_OVER)
    for outcome in m.OUTCOMES:
        assert refusal(folded, "outcome_recorded", data={"outcome": outcome}) is None
    assert refusal(folded, "outcome_recorded", data={"outcome": "forgiven"}) == (
        "Choose the outcome."
    )
    assert refusal(folded, "outcome_recorded") == "Choose the outcome."


def test_a_general_hazard_is_handed_over_only_after_its_deadline_a_major_one_at_once():
    not_due = (
        "A general hazard is handed over only when still unfixed after its deadline "
        "{}; a major one at once."
    )
    due_today = state(m.OPEN, deadline=TODAY)
    assert refusal(due_today, "handed_over", data=HAND_OVER) == not_due.format("2026-06-10")
    assert refusal(state(m.OPEN), "handed_over", data=HAND_OVER) == not_due.format("2026-06-13")
    overdue = state(m.OPEN, deadline=TODAY - dt.timedelta(days=1))
    assert refusal(overdue, "handed_over", data=HAND_OVER) is None
    assert refusal(state(m.OPEN, severity="major"), "handed_over", data=HAND_OVER) is None
    # The severity the caller knows (the finding's own) counts when the fold has none yet.
    assert refusal(state(m.OPEN, severity=""), "handed_over", data=HAND_OVER,
                   severity="major") is None  # fmt: skip
    # Reported fixed but not verified: handed over without waiting for the deadline.
    assert refusal(state(m.REPORTED), "handed_over", data=HAND_OVER) is None
    # Without today's date (the fold's own check) the deadline is not judged.
    assert check_event(state(m.OPEN), "handed_over", "supervisor", data=HAND_OVER) is None


def test_the_folds_own_check_says_why_in_plain_words():
    assert check_transition(m.OPEN, "promoted", "supervisor") == "unknown event type 'promoted'"
    assert check_transition(m.REPORTED, "verified", "inspector") == (
        "a inspector may not send verified"
    )
    assert check_transition(m.REPORTED, "verified", "") == (
        "a person without a role may not send verified"
    )
    assert check_transition(m.OPEN, "verified", "supervisor") == (
        "verified is not valid when the finding is open"
    )
    assert check_transition("", "verified", "admin") == (
        "verified is not valid when the finding is not yet opened"
    )
    assert check_transition(m.REPORTED, "verified", "admin") is None


def test_a_server_sequence_is_read_as_a_number_or_none():
    def seq(value: object) -> int | None:
        raw = {"id": "e1", "type": "note"}
        if value is not ...:
            raw["server_seq"] = value
        return Event.from_mapping(raw).server_seq

    assert seq(...) is None and seq(None) is None and seq("") is None
    assert seq("7") == 7 and seq(0) == 0 and seq(12) == 12


def _ev(n: int, type_: str, role: str = "supervisor", *, seq: int | None = None, **data) -> Event:
    return Event(f"e{n}", type_, f"p-{role}", role, f"2026-06-10T08:0{n}:00.000Z",
                 base_event=None, data=data, server_seq=seq)  # fmt: skip


def test_the_fold_keeps_severity_and_the_hand_over_date():
    opened = _ev(0, "opened", "inspector", deadline="2026-06-13", severity="major")
    handed = _ev(1, "handed_over", **HAND_OVER)
    state = m.fold([opened, handed])
    assert state.is_major and state.state == m.HANDED_OVER
    assert (
        state.handed_over_on == dt.date(2026, 6, 10) and state.reference == HAND_OVER["reference"]
    )
    undated = _ev(1, "handed_over", unit="fire_brigade", reference="x")  # the event's day then
    assert m.fold([opened, undated]).handed_over_on == dt.date(2026, 6, 10)
    assert not m.fold([_ev(0, "opened", "inspector", severity="grave")]).is_major


def test_only_a_note_acknowledges_a_conflict():
    events = [_ev(0, "opened", "inspector"), _ev(1, "verified")]  # verified while open: conflict
    assert [c.event_id for c in m.fold(events).unresolved_conflicts] == ["e1"]
    reported = _ev(2, "rectification_reported", "inspector", resolves=["e1"])
    assert [c.event_id for c in m.fold([*events, reported]).unresolved_conflicts] == ["e1"]
    note = _ev(3, "note", resolves=["e1"])
    assert m.fold([*events, note]).unresolved_conflicts == ()


def test_a_copy_numbered_by_the_server_wins_over_one_that_is_not():
    first = _ev(5, "opened", "inspector", seq=1)  # later on the device clock, first on the server
    second = _ev(1, "note", seq=2)
    unnumbered_copy = _ev(5, "opened", "inspector")
    for events in ([first, second, unnumbered_copy], [unnumbered_copy, first, second]):
        assert [e.id for e in m.causal_order(events)] == ["e5", "e1"]


def test_an_incident_is_assigned_to_someone_named():
    from fieldapp.domain.incidents import INCIDENT

    reported = m.fold([_ev(0, "reported", "inspector")], INCIDENT)
    for person, expected in [("p-insp", None), ("  ", "Choose whom to assign it to."),
                             (None, "Choose whom to assign it to.")]:  # fmt: skip
        data = {} if person is None else {"person": person}
        got = check_event(reported, "assigned", "supervisor", data=data, lifecycle=INCIDENT)
        assert got == expected, person


def test_a_record_with_no_events_yet_may_only_be_opened():
    """The fold of no events reads as the kind's first state (open), yet only the opening
    event is valid for it, not what that state would allow."""
    nothing = m.fold([])
    assert nothing.state == m.OPEN
    assert check_event(nothing, "opened", "inspector") is None
    assert check_event(nothing, "rectification_reported", "inspector") is None  # as open
    assert check_event(nothing, "verified", "supervisor") == (
        "The hazard is 'To rectify'; 'Verified' is not possible now."
    )


def test_a_conflict_says_what_was_refused_in_which_state_and_after_what():
    events = [_ev(0, "opened", "inspector", deadline="2026-06-13"), _ev(1, "verified")]
    (conflict,) = m.fold(events).conflicts
    assert conflict == m.Conflict(
        "e1", "verified", m.OPEN, "verified is not valid when the finding is open", "e0"
    )


def test_what_no_event_has_said_yet_is_empty_not_none():
    """The ledger and the screens write these fields as they are."""
    for state in (m.fold([]), m.fold([_ev(0, "opened", "inspector")])):
        assert (state.handed_over_to, state.reference, state.outcome, state.severity,
                state.assigned_to) == ("", "", "", "", "")  # fmt: skip
        assert state.handed_over_on is None and state.resolved == frozenset()
    assert m.fold([]).last_event_id is None and m.fold([]).deadline is None


def test_an_event_missing_its_details_folds_to_empty_fields_not_none():
    """An event the device refused no detail of (an older program, another device) still
    folds; what it left out reads as empty, and the hand-over date is the one written."""
    from fieldapp.domain.incidents import INCIDENT

    opened = _ev(0, "opened", "inspector")
    bare = m.fold([opened, _ev(1, "handed_over"), _ev(2, "outcome_recorded")])
    assert (bare.state, bare.handed_over_to, bare.reference, bare.outcome) == (
        m.OUTCOME_RECORDED, "", "", "")  # fmt: skip
    dated = m.fold([opened, _ev(1, "handed_over", **{**HAND_OVER, "date": "2026-06-08"})])
    assert dated.handed_over_on == dt.date(2026, 6, 8)  # not the event's own day
    incident = m.fold([_ev(0, "reported", "inspector"), _ev(1, "assigned")], INCIDENT)
    assert incident.assigned_to == ""


def test_a_conflict_before_anything_took_effect_follows_no_event():
    (conflict,) = m.fold([_ev(0, "verified")]).conflicts
    assert conflict.after_event is None
