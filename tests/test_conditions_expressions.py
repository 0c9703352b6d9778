"""The checklist condition language itself: parse, type errors, evaluation, and the items
whose options carry outcomes or whose fail_if uses a threshold.
"""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.answers import (
    BadAnswer,
    failure_severity,
    normalize_value,
    proposed_outcome,
)
from fieldapp.domain.checklist import Item
from fieldapp.domain.conditions import Context, evaluate
from fieldapp.domain.expr_types import BOOL, NUMBER, Scope, check_condition
from fieldapp.domain.expressions import ExprError, parse

pytestmark = pytest.mark.usefixtures("english")


SCOPE = Scope(
    earlier={"COM-01": NUMBER, "COM-09": BOOL, "HTL-05": "text", "MKT-09": "list"},
    everywhere={"COM-01": NUMBER, "COM-09": BOOL, "CAT-07": BOOL},
    own=frozenset({"COM-10"}),
    params=frozenset({"min_extinguishers"}),
)


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
