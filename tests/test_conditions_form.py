"""What a form asks: items and sections shown, hidden and required as answers change, in any
order of answers, and a repeated section asked once per instance.
"""

from __future__ import annotations

import pytest
from conditions_support import _yesno
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.checklist import Checklist, Item, Section
from fieldapp.domain.conditions import Context, form_state

pytestmark = pytest.mark.usefixtures("english")


# --- what a form asks ----------------------------------------------------------------------


FORM = Checklist(
    id="t",
    version=1,
    kinds=("rental_housing",),
    title_zh="t",
    title_en="t",
    sections=(
        Section(
            "AAA",
            "a",
            "a",
            (
                _yesno("AAA-01"),
                _yesno("AAA-02", show_if="AAA-01 == false"),
                _yesno("AAA-03", required_if="AAA-01", required=False),
            ),
        ),
        Section("BBB", "b", "b", (_yesno("BBB-01"), _yesno("BBB-02")), show_if="AAA-02"),
        Section("CCC", "c", "c", (_yesno("CCC-01", show_if="venue.has_gas"),)),
    ),
)


def test_hidden_and_shown_as_answers_change() -> None:
    context = Context(venue={"has_gas": False})
    state = form_state(FORM, {}, context)
    # unknown: asked (when in doubt, ask), but the gas item is hidden by the venue
    assert state.visible == ("AAA-01", "AAA-02", "AAA-03", "BBB-01", "BBB-02")
    assert "AAA-03" not in state.required
    state = form_state(FORM, {"AAA-01": ("pass", "")}, context)
    assert state.visible == ("AAA-01", "AAA-03")  # AAA-02 hidden, and with it section BBB
    assert "AAA-03" in state.required
    # an answer given while shown, then hidden: not asked, and unknown to later conditions
    answers = {"AAA-01": ("fail", ""), "AAA-02": ("pass", ""), "BBB-01": ("fail", "")}
    assert "BBB-01" in form_state(FORM, answers, context).visible
    answers["AAA-01"] = ("pass", "")
    assert "BBB-01" not in form_state(FORM, answers, context).visible
    assert form_state(FORM, {}, Context(venue={"has_gas": True})).is_visible("CCC-01")


OUTCOMES = st.sampled_from([("pass", ""), ("fail", ""), ("na", "")])


@settings(max_examples=200, deadline=None)
@given(
    first=st.lists(st.tuples(st.sampled_from(FORM.items), OUTCOMES), max_size=12),
    walk=st.lists(OUTCOMES, min_size=10, max_size=10),
    gas=st.sampled_from([None, True, False]),
)
def test_any_answer_order_then_walking_the_asked_items_leaves_nothing_required(
    first: list[tuple[Item, tuple[str, str]]], walk: list[tuple[str, str]], gas: bool | None
) -> None:
    """Answers given in any order (changes included), then the walk the screen does —
    the first unanswered item asked — until it finds none: submit's check finds no
    required visible item unanswered."""
    context = Context(venue={} if gas is None else {"has_gas": gas})
    answers = {item.code: given_ for item, given_ in first}
    for outcome in walk:
        state = form_state(FORM, answers, context)
        open_ = [code for code in state.visible if code not in answers]
        if not open_:
            break
        answers[open_[0]] = outcome
    state = form_state(FORM, answers, context)
    assert [c for c in state.visible if c in state.required and c not in answers] == []


# --- repeat groups ---------------------------------------------------------------------------

ROOMS = Checklist(
    id="t",
    version=1,
    kinds=("rental_housing",),
    title_zh="t",
    title_en="t",
    sections=(
        Section("AAA", "a", "a", (Item(code="AAA-01", zh="", en="", answer="number"),)),
        Section(
            "RRR",
            "r",
            "r",
            (_yesno("RRR-01"), _yesno("RRR-02", show_if="RRR-01 == false")),
            repeat="AAA-01",
        ),
    ),
)


def test_a_repeated_section_is_asked_once_per_instance_with_its_own_answers() -> None:
    assert form_state(ROOMS, {}, Context()).visible == ("AAA-01", "RRR-01#1", "RRR-02#1")
    three = {"AAA-01": ("value", "3"), "RRR-01#2": ("fail", "")}
    for code in ("RRR-01#1", "RRR-01#3"):
        three[code] = ("pass", "")
    assert form_state(ROOMS, three, Context()).visible == (
        "AAA-01",
        "RRR-01#1",
        "RRR-01#2",
        "RRR-02#2",  # only room 2 failed RRR-01
        "RRR-01#3",
    )
    assert form_state(ROOMS, {"AAA-01": ("value", "0")}, Context()).visible == ("AAA-01",)
    assert ROOMS.item("RRR-02#2").code == "RRR-02#2"
    assert ROOMS.section_of("RRR-02#2").code == "RRR"
