"""Number answers: a count (`integer = true`) takes whole numbers only, every number has a
most it may be, a letter is refused with a word (never dropped: 1e5 became 15), and the
value is stored as typed (never through a float: 10^29 - 1 became 99999999999999991433150857216)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting
from textual.widgets import Static

from fieldapp.domain.answers import MAX_NUMBER, BadAnswer, normalize_value
from fieldapp.domain.checklist import Item
from fieldapp.domain.checklist_toml import validate_checklist_text
from fieldapp.i18n import t
from fieldapp.store.models import Answer
from fieldapp.tui.screens.inspect import InspectScreen

SIZE = (80, 24)
pytestmark = pytest.mark.usefixtures("chinese")

COUNT = Item(code="CAT-04", zh="液化气钢瓶数量", en="LPG cylinders", answer="number", integer=True)
LENGTH = Item(code="TIO-09", zh="逃生窗净高", en="Window height (m)", answer="number")


def refusal(item: Item, typed: str) -> tuple[str, str]:
    with pytest.raises(BadAnswer) as refused:
        normalize_value(item, typed)
    return str(refused.value), refused.value.value


def test_a_count_is_a_whole_number_and_a_length_may_have_decimals() -> None:
    assert normalize_value(COUNT, "12") == "12"
    assert normalize_value(COUNT, "３") == "3"  # a Chinese keyboard's full-width digit
    assert normalize_value(COUNT, "3.0") == "3"
    assert refusal(COUNT, "2.5") == ("expected_whole_number", "")
    assert normalize_value(LENGTH, "0.80") == "0.8"
    assert refusal(LENGTH, "-1") == ("expected_number", "")
    assert refusal(LENGTH, "2.2.3") == ("expected_number", "")


def test_a_number_is_stored_as_typed_up_to_its_most() -> None:
    assert normalize_value(COUNT, str(MAX_NUMBER)) == "1000000"
    assert normalize_value(COUNT, "007") == "7"
    assert refusal(COUNT, "1000001") == ("number_too_large", "1000001")
    huge = "99999999999999999999999999999"
    assert refusal(COUNT, huge) == ("number_too_large", huge)
    assert refusal(LENGTH, "1000000.5") == ("number_too_large", "1000000.5")


def test_letters_and_signs_are_refused_not_dropped() -> None:
    assert refusal(COUNT, "1e5") == ("not_a_number", "1e5")
    assert refusal(LENGTH, "3个") == ("not_a_number", "3个")
    assert refusal(LENGTH, "nan") == ("not_a_number", "nan")


def test_integer_is_for_number_items_and_is_true_or_false() -> None:
    from fieldapp.i18n import set_language

    set_language("en")  # the problems in English (pinned; the Chinese: test_checklist_validation)
    base = """\
id = "small_restaurant"
version = 1
kinds = ["small_restaurant"]
title_zh = "小餐饮"
title_en = "Small restaurant"

[[sections]]
code = "COM"
zh = "通用"
en = "Core"

[[sections.items]]
code = "COM-01"
zh = "灭火器数量"
en = "Extinguishers (count)"
severity = "general"
rectification_days = 3
basis = "GB 50140"
"""
    assert validate_checklist_text(base + 'answer = "number"\ninteger = true\n', "f.toml") == []
    text_item = validate_checklist_text(base + 'answer = "text"\ninteger = true\n', "f.toml")
    assert [e.message for e in text_item] == [
        'integer is only for answer "number" (answer is "text"): delete integer, or change answer'
    ]
    word = validate_checklist_text(base + 'answer = "number"\ninteger = "yes"\n', "f.toml")
    assert len(word) == 1 and "integer must be true" in word[0].message


def card_message(screen: InspectScreen) -> str:
    return str(screen.query_one("#item-message", Static).render())


async def test_the_cylinder_count_refuses_what_is_not_a_whole_number(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        inspection_id = screen.inspection_id
        screen.go_to("CAT-04")  # 液化气钢瓶数量: a count
        await pilot.pause()
        field = screen.card.answer_input

        await pilot.press(*"99999999999999999999999999999", "enter")
        assert screen.item.code == "CAT-04"
        assert card_message(screen) == (
            "99999999999999999999999999999 太大了，最多 1000000；请检查是否多打了数字"
        )
        field.value = ""
        await pilot.press(*"2.5", "enter")
        assert screen.item.code == "CAT-04"
        assert card_message(screen) == t("answer.expected_whole_number")
        assert "整数" in card_message(screen) and "2.5" not in card_message(screen)
        field.value = ""
        await pilot.press(*"1e5", "enter")
        assert field.value == "1e5"  # typed as it was, not 15
        assert screen.item.code == "CAT-04"
        assert card_message(screen) == "只能填数字：“1e5”里有字母或其他符号"
        assert app.focused is field
        assert not Answer.select().where(Answer.item_code == "CAT-04").exists()

        field.value = ""
        await pilot.press(*"12", "enter")
        assert screen.item.code != "CAT-04" and isinstance(app.screen, InspectScreen)
    assert Answer.get(inspection=inspection_id, item_code="CAT-04").value == "12"


async def test_a_refusal_goes_once_the_field_is_typed_into_again(home: Path) -> None:
    """ "只能填数字" stayed under the field after ctrl+u cleared it and a good number was
    typed: the refusal is about what was entered, and goes with it."""
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("CAT-04")
        await pilot.pause()
        await pilot.press(*"1FA1", "enter")
        assert card_message(screen) == "只能填数字：“1FA1”里有字母或其他符号"
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert card_message(screen) == ""
        await pilot.press("4", "enter")
        await pilot.press("left")  # back on CAT-04: it took the 4
        assert card_message(screen) == "" and screen.card.answer_input.value == "4"
