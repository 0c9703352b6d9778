"""The one rule for free text a form requires to say something
(`fieldapp.domain.free_text`): emoji, punctuation and a lone character are refused,
words and names are taken, in the words of each field."""

from __future__ import annotations

import pytest

from fieldapp.domain.free_text import (
    names_someone,
    numbers_a_document,
    text_fault,
    text_problem,
)
from fieldapp.domain.typed import says_something
from fieldapp.i18n import set_language

pytestmark = pytest.mark.usefixtures("chinese")

SAYS_NOTHING = ["", "😀", "😀😀", "。。", "…", "!!??", "x", "1 2", "王", " 王 ", "ℹ️ℹ️ℹ️ℹ️", "ℹℹℹℹ"]


@pytest.mark.parametrize("text", SAYS_NOTHING)
def test_emoji_punctuation_and_one_character_say_nothing(text: str) -> None:
    assert not says_something(text)
    assert not names_someone(text)


@pytest.mark.parametrize("text", ["坏了", "灭火器过期", "lost", "exit blocked", "标牌😀被遮挡"])
def test_two_chinese_characters_or_four_letters_say_something(text: str) -> None:
    assert says_something(text)


@pytest.mark.parametrize(
    "text",
    [
        "王五",
        "欧阳娜娜",
        "Li",
        "Aygül",
        "Mary Smith",
        "阿依古丽",
        "阿卜杜拉·艾力",
        "Jean-Luc",
        "O'Brien",
    ],
)
def test_a_name_is_two_chinese_characters_or_two_letters(text: str) -> None:
    assert names_someone(text)


@pytest.mark.parametrize("text", ["王", "A", "😀王", "·", "12", "张😀三", "张三[/]", "ℹ️王五"])
def test_a_lone_character_emoji_or_digits_name_nobody(text: str) -> None:
    assert not names_someone(text)


@pytest.mark.parametrize("text", ["A7", "12", "公移〔2026〕12号", "GY-2026-12", "〇七", "😀A7"])
def test_a_reference_number_has_two_characters_with_a_letter_or_digit(text: str) -> None:
    assert numbers_a_document(text)


@pytest.mark.parametrize("text", ["Q", "7", "😀😀", "--", "〔〕", "😀Q", "Q-", "7。", "1️⃣2️⃣", "ℹ️7"])
def test_a_reference_number_of_one_character_or_only_marks_is_none(text: str) -> None:
    """Only letters, digits and Chinese characters count toward the two: an emoji or a
    mark beside one letter is still one ("😀Q", "Q-"), and a keycap emoji is a picture."""
    assert not numbers_a_document(text)
    assert text_fault("hand_over_reference", text) == ("free_text.hand_over_reference", {})


def test_each_field_says_what_it_needs_in_both_languages() -> None:
    said = text_problem("person_name", "😀")
    assert said is not None and "至少两个字或两个字母" in said and "单个字" in said
    assert text_problem("person_name", "王五") is None
    assert "仍未整改到位的问题" in (text_problem("reject_reason", "😀") or "")
    assert "文号" in (text_problem("hand_over_reference", "Q") or "")
    set_language("en")
    assert "at least two letters" in (text_problem("representative", "😀😀") or "")
    assert "still wrong" in (text_problem("reject_reason", "x") or "")


def test_an_address_too_long_is_refused_in_words_not_cut() -> None:
    assert text_fault("incident_address", "x" * 500) == (
        "free_text.incident_address.too_long",
        {"most": 200, "length": 500},
    )
    assert text_problem("incident_address", "x" * 500) == (
        "事发地址最多 200 个字，现在有 500 个字；请只写到门牌和房号。"
    )
    assert text_problem("incident_address", "幸福路" + "一" * 197) is None
    assert text_problem("incident_description", "经过" * 1001) is not None
