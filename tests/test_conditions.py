"""The checklist condition language: parse, type errors, evaluation, what a form asks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.answers import (
    BadAnswer,
    failure_severity,
    normalize_value,
    proposed_outcome,
)
from fieldapp.domain.checklist import Checklist, Item, Section
from fieldapp.domain.conditions import Context, evaluate, form_state
from fieldapp.domain.expr_types import BOOL, NUMBER, Scope, check_condition
from fieldapp.domain.expressions import ExprError, parse
from fieldapp.i18n import set_language

SCOPE = Scope(
    earlier={"COM-01": NUMBER, "COM-09": BOOL, "HTL-05": "text", "MKT-09": "list"},
    everywhere={"COM-01": NUMBER, "COM-09": BOOL, "CAT-07": BOOL},
    own=frozenset({"COM-10"}),
    params=frozenset({"min_extinguishers"}),
)


@pytest.fixture(autouse=True)
def _english() -> None:
    """These tests assert the problems' English wording (each test's language is restored
    after it); the Chinese wording is asserted by the tests that name it."""
    set_language("en")


def _check(text: str, scope: Scope = SCOPE) -> None:
    check_condition(parse(text), scope)


# --- parse and type-check ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "COM-09 == false and venue.floors >= 3",
        "not COM-09 or venue.has_gas",
        'campaign.epidemic.phase in ["有病例", "社区传播"]',
        "campaign.spring_festival",
        'HTL-05 != "已安装且有效"',
        '"未安装" in MKT-09',
        "COM-01 < param.min_extinguishers * 2",
        "(COM-01 + 1) / 2 > venue.rooms - 1",
    ],
)
def test_good_conditions_type_check(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("CAT-99", 'unknown item code "CAT-99"', 1),
        ("CAT-07", "CAT-07 comes later in the checklist (a forward reference)", 1),
        ("COM-10 == true", "COM-10 refers to itself (a cycle)", 1),
        ("COM-01 and COM-09", '"and" joins true/false conditions, not a number', 8),
        ('COM-09 == "yes"', '"==" compares a bool with a text', 8),
        ("COM-01", "a condition must be true or false, not a number", 1),
        ("venue.colour", 'unknown venue attribute "colour"', 1),
        ("COM-01 < param.max_people", 'unknown parameter "param.max_people"', 10),
        ("COM-01 = 2", 'a single "=" is not a comparison', 8),
        ("COM-01 > ", "expected a value, found the end", 10),
        ("value > 1", '"value" is the answer being checked', 1),
        ("1 < COM-01 < 3", "comparisons do not chain", 12),
        ("eval(COM-01)", 'unknown name "eval"', 1),
    ],
)
def test_bad_conditions_say_what_and_where(text: str, message: str, column: int) -> None:
    with pytest.raises(ExprError) as caught:
        _check(text)
    assert message in caught.value.message
    assert caught.value.column == column


def test_fail_if_sees_value_of_the_items_type() -> None:
    scope = Scope({}, params=frozenset({"hood_days"}), value="date")
    check_condition(parse("days_since(value) > param.hood_days"), scope)
    with pytest.raises(ExprError, match="takes a date, not a number"):
        check_condition(parse("days_since(1) > 2"), scope)


# --- evaluation --------------------------------------------------------------------------


def test_unknown_spreads_but_and_or_short_cut() -> None:
    context = Context(venue={"floors": 4.0})
    assert evaluate("COM-09 == false", {}, context) is None
    assert evaluate("COM-09 == false and venue.floors > 5", {}, context) is False
    assert evaluate("COM-09 or venue.floors > 3", {}, context) is True
    assert evaluate("not venue.has_gas", {}, context) is None
    assert evaluate("COM-09 == false", {"COM-09": False}, context) is True


def test_campaigns_and_phases() -> None:
    context = Context(campaigns={"epidemic": "有病例"})
    assert evaluate("campaign.epidemic", {}, context) is True
    assert evaluate("campaign.spring_festival", {}, context) is False
    assert evaluate('campaign.epidemic.phase in ["有病例", "社区传播"]', {}, context) is True
    assert evaluate('campaign.spring_festival.phase == "无病例"', {}, context) is False


def test_dates_compare_and_count_days() -> None:
    context = Context(today=dt.date(2026, 3, 1), params={"hood_days": 90.0})
    old = dt.date(2025, 11, 1)
    assert evaluate("days_since(value) > param.hood_days", {}, context, old) is True
    assert evaluate('value < "2026-01-01"', {}, context, old) is True


# --- items: choices with outcomes, thresholds ----------------------------------------------


ALARM = Item(
    code="HTL-05",
    zh="喷淋/报警",
    en="Sprinklers/alarm",
    answer="choice",
    severity="major",
    rectification_days=30,
    choices=("已安装且有效", "未安装", "已安装但损坏"),
    outcomes=("pass", "major", "general"),
)
HAZARDS = Item(
    code="MKT-09",
    zh="隐患",
    en="Hazards",
    answer="choice",
    multiple=True,
    choices=("堆物", "飞线", "住人"),
    outcomes=("general", "general", "major"),
)


def test_choice_options_carry_their_outcome() -> None:
    assert proposed_outcome(ALARM, "已安装且有效") == "pass"
    assert proposed_outcome(ALARM, "未安装") == "fail"
    assert failure_severity(ALARM, "未安装") == "major"
    assert failure_severity(ALARM, "已安装但损坏") == "general"


def test_multiple_choice_by_numbers_keeps_the_items_order_and_the_worst_outcome() -> None:
    value = normalize_value(HAZARDS, "3, 1")
    assert value == "堆物; 住人"
    assert proposed_outcome(HAZARDS, value) == "fail"
    assert failure_severity(HAZARDS, value) == "major"
    with pytest.raises(BadAnswer):
        normalize_value(ALARM, "1,2")  # one option only
    with pytest.raises(BadAnswer):
        normalize_value(HAZARDS, "4")


def test_a_past_date_item_refuses_a_day_after_today_and_says_which() -> None:
    cleaned = Item(code="CAT-05", zh="清洗日期", en="Cleaned", answer="date", past=True)
    expiry = Item(code="LIC-01", zh="有效期至", en="Valid until", answer="date")
    today = dt.date(2026, 12, 4)
    assert normalize_value(cleaned, "2026/12/4", today) == "2026-12-04"  # today: done
    assert normalize_value(cleaned, "2026-12-03", today) == "2026-12-03"
    with pytest.raises(BadAnswer) as refused:
        normalize_value(cleaned, "2030.1.1", today)
    assert (str(refused.value), refused.value.value) == ("date_in_future", "2030-01-01")
    assert normalize_value(expiry, "2030-01-01", today) == "2030-01-01"  # ahead: allowed


def test_fail_if_uses_the_offices_threshold() -> None:
    count = Item(
        code="COM-01",
        zh="灭火器",
        en="Extinguishers",
        answer="number",
        rectification_days=3,
        fail_if="value < param.min_extinguishers",
    )
    assert proposed_outcome(count, "1", Context(params={"min_extinguishers": 2})) == "fail"
    assert proposed_outcome(count, "2", Context(params={"min_extinguishers": 2})) == "value"
    assert proposed_outcome(count, "2", Context(params={"min_extinguishers": 3})) == "fail"


# --- what a form asks ----------------------------------------------------------------------


def _yesno(code: str, **extra: object) -> Item:
    return Item(code=code, zh=code, en=code, answer="yesno", **extra)  # type: ignore[arg-type]


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


# --- `checklist validate`: conditions in a TOML file, with their lines --------------------

CONDITIONAL = """\
id = "small_restaurant"
version = 2
kinds = ["small_restaurant"]
title_zh = "小餐饮巡查表"
title_en = "Small restaurant checklist"

[params]
min_extinguishers = 2

[[sections]]
code = "COM"
zh = "通用消防检查"
en = "Core checks"

[[sections.items]]
code = "COM-01"
zh = "灭火器数量"
en = "Extinguishers (count)"
answer = "number"
severity = "general"
rectification_days = 3
fail_if = "value < param.min_extinguishers"

[[sections.items]]
code = "COM-17"
zh = "燃气类型"
en = "Gas in use"
answer = "choice"
severity = "none"
options = [{ value = "无" }, { value = "管道气" }, { value = "瓶装气" }]

[[sections]]
code = "CAT"
zh = "燃气"
en = "Gas"
show_if = 'COM-17 != "无"'

[[sections.items]]
code = "CAT-01"
zh = "可燃气体报警器"
en = "Gas alarm"
answer = "choice"
severity = "general"
rectification_days = 7
options = [
  { value = "已安装且有效", outcome = "pass" },
  { value = "未安装", outcome = "major" },
  { value = "已安装但损坏", outcome = "general" },
]
required_if = 'COM-17 == "瓶装气"'
"""


def test_a_conditional_checklist_loads() -> None:
    from fieldapp.domain.checklist_toml import load_checklist_text

    checklist = load_checklist_text(CONDITIONAL, "small_restaurant.toml")
    assert checklist.params == {"min_extinguishers": 2.0}
    alarm = checklist.item("CAT-01")
    assert alarm.outcomes == ("pass", "major", "general")
    assert alarm.required_if == 'COM-17 == "瓶装气"'
    assert checklist.item("COM-17").outcomes == ()  # plain options propose nothing
    assert checklist.sections[1].show_if == 'COM-17 != "无"'
    assert Checklist.from_dict(checklist.to_dict()) == checklist
    state = form_state(checklist, {"COM-17": ("value", "无")}, Context())
    assert state.visible == ("COM-01", "COM-17")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "show_if = 'COM-17 != \"无\"'",
            "show_if = 'CAT-01 == \"无\"'",
            "CAT: show_if: column 1: CAT-01 refers to itself (a cycle)",
        ),
        (
            'fail_if = "value < param.min_extinguishers"',
            "show_if = \"COM-17 == 'x'\"",
            "COM-01: show_if: column 1: COM-17 comes later in the checklist",
        ),
        (
            "required_if = 'COM-17 == \"瓶装气\"'",
            "required_if = 'COM-18 == \"瓶装气\"'",
            'CAT-01: required_if: column 1: unknown item code "COM-18"',
        ),
        (
            'fail_if = "value < param.min_extinguishers"',
            'fail_if = "value < param.min_fire"',
            'COM-01: fail_if: column 9: unknown parameter "param.min_fire"',
        ),
        (
            '{ value = "未安装", outcome = "major" }',
            '{ value = "未安装", outcome = "fatal" }',
            'CAT-01: option "未安装": outcome must be one of',
        ),
    ],
)
def test_validate_points_at_the_line(old: str, new: str, message: str) -> None:
    """Each error names the file, the line of the key to fix, the code and the column."""
    from fieldapp.domain.checklist_toml import validate_checklist_text

    assert old in CONDITIONAL
    text = CONDITIONAL.replace(old, new)
    lines = text.splitlines()
    at = next(n for n, t in enumerate(lines, 1) if new in t)
    key = "options" if new.startswith("{") else new.split(" =")[0]
    line = max(n for n, t in enumerate(lines[:at], 1) if t.startswith(key))
    errors = validate_checklist_text(text, "f.toml")
    assert [f"f.toml:{line}: {message}" in str(e) for e in errors] == [True], errors


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


def test_validate_repeat_counts_and_references_from_outside() -> None:
    from fieldapp.domain.checklist_toml import validate_checklist_text

    rooms = CONDITIONAL.replace(
        "show_if = 'COM-17 != \"无\"'", 'show_if = \'COM-17 != "无"\'\nrepeat = "COM-01"'
    )
    assert validate_checklist_text(rooms, "f.toml") == []
    bad_count = rooms.replace('repeat = "COM-01"', 'repeat = "COM-17"')
    assert any(
        "repeat: the count must be a number, not a text" in str(e)
        for e in validate_checklist_text(bad_count, "f.toml")
    )
    outside = rooms + (
        '\n[[sections]]\ncode = "XYZ"\nzh = "x"\nen = "x"\n\n[[sections.items]]\n'
        'code = "XYZ-01"\nzh = "x"\nen = "x"\nanswer = "yesno"\nseverity = "none"\n'
        "show_if = 'CAT-01 == \"未安装\"'\n"
    )
    assert any(
        "CAT-01 is asked once per instance of a repeated section" in str(e)
        for e in validate_checklist_text(outside, "f.toml")
    )
