"""The validator's reports on broken checklist files: each problem with its line and code,
and every problem collected, not only the first.
"""

from __future__ import annotations

import pytest
from checklist_validation_support import (
    GOOD,
    _errors,
    _line_of,
)

from fieldapp.domain.checklist import Checklist
from fieldapp.domain.checklist_toml import (
    ChecklistInvalid,
    load_checklist_text,
    validate_checklist_text,
)

# --- broken files ---------------------------------------------------------------------------


pytestmark = pytest.mark.usefixtures("english")


def test_good_text_loads() -> None:
    checklist = load_checklist_text(GOOD, "small_restaurant.toml")
    assert [i.code for i in checklist.items] == ["COM-01", "CAT-01", "CAT-02"]
    assert checklist.item("COM-01").min == 1.0
    assert checklist.item("CAT-01").required is True


def test_toml_syntax_error_gives_its_line() -> None:
    text = GOOD.replace('answer = "yesno"', "answer = yesno", 1)
    errors = _errors(text)
    assert len(errors) == 1
    assert errors[0].line == _line_of(text, "answer = yesno")
    assert errors[0].item_code == "CAT-01"
    assert str(errors[0]).startswith(f"small_restaurant.toml:{errors[0].line}: CAT-01: TOML syntax")


def test_unknown_answer_type() -> None:
    text = GOOD.replace('answer = "yesno"', 'answer = "yes-no"', 1)
    [error] = _errors(text)
    assert (error.line, error.item_code) == (_line_of(text, '"yes-no"'), "CAT-01")
    assert "answer must be one of" in error.message


def test_bad_severity_message_names_line_and_code() -> None:
    text = GOOD.replace(
        'severity = "general"\nrectification_days = 1', 'severity = "sever"\nrectification_days = 1'
    )
    [error] = _errors(text)
    line = _line_of(text, '"sever"')
    assert str(error) == (
        f"small_restaurant.toml:{line}: CAT-02: "
        'severity must be one of general, major, none (got "sever"): use one of them'
    )


def test_duplicate_code_reports_the_second_occurrence() -> None:
    text = GOOD.replace('code = "CAT-02"', 'code = "CAT-01"')
    [error] = _errors(text)
    assert error.line == _line_of(text, 'code = "CAT-01"', occurrence=2)
    assert error.item_code == "CAT-01"
    assert "duplicate" in error.message


def test_missing_zh() -> None:
    text = GOOD.replace('zh = "燃气软管无老化松脱"\n', "")
    [error] = _errors(text)
    assert (error.line, error.item_code) == (_line_of(text, 'code = "CAT-02"'), "CAT-02")
    assert 'missing required key "zh"' in error.message


def test_empty_zh() -> None:
    text = GOOD.replace('zh = "燃气软管无老化松脱"', 'zh = "  "')
    [error] = _errors(text)
    assert (error.line, error.item_code) == (_line_of(text, 'zh = "  "'), "CAT-02")
    assert "empty" in error.message


@pytest.mark.parametrize("value", ["-1", "1.5", '"3"'])
def test_bad_rectification_days(value: str) -> None:
    text = GOOD.replace("rectification_days = 7", f"rectification_days = {value}")
    [error] = _errors(text)
    assert (error.line, error.item_code) == (
        _line_of(text, f"rectification_days = {value}"),
        "CAT-01",
    )
    assert "rectification_days" in error.message


def test_unknown_key_suggests_the_right_one() -> None:
    text = GOOD.replace('photo = "on_fail"', 'photto = "on_fail"')
    [error] = _errors(text)
    assert (error.line, error.item_code) == (_line_of(text, "photto"), "COM-01")
    assert error.message == 'unknown key "photto" (did you mean "photo"?): correct its spelling'


def test_choice_without_choices_and_choices_without_choice() -> None:
    text = GOOD.replace('answer = "yesno"', 'answer = "choice"', 1)
    text = text.replace(
        "rectification_days = 1\n", 'rectification_days = 1\nchoices = ["a", "b"]\n'
    )
    errors = _errors(text)
    assert [(e.line, e.item_code) for e in errors] == [
        (_line_of(text, 'answer = "choice"'), "CAT-01"),
        (_line_of(text, "choices = "), "CAT-02"),
    ]
    assert "needs choices" in errors[0].message
    assert 'only for answer "choice"' in errors[1].message


def test_choices_load_when_present() -> None:
    text = GOOD.replace('answer = "yesno"', 'answer = "choice"\nchoices = ["有", "无"]', 1)
    assert load_checklist_text(text, "x.toml").item("CAT-01").choices == ("有", "无")


def test_min_greater_than_max() -> None:
    text = GOOD.replace("min = 1", "min = 5\nmax = 2")
    [error] = _errors(text)
    assert (error.line, error.item_code) == (_line_of(text, "max = 2"), "COM-01")
    assert "min (5) is greater than max (2)" in error.message


DATE_ITEM = """
[[sections.items]]
code = "CAT-05"
zh = "烟罩、烟道最近清洗日期"
en = "Last hood and flue cleaning date"
answer = "date"
severity = "none"
"""


def test_past_on_a_date_item_loads() -> None:
    text = GOOD + DATE_ITEM.replace('answer = "date"', 'answer = "date"\npast = true')
    assert validate_checklist_text(text, "x.toml") == []
    checklist = load_checklist_text(text, "x.toml")
    assert checklist.item("CAT-05").past is True
    assert checklist.item("COM-01").past is False
    assert load_checklist_text(GOOD + DATE_ITEM, "x.toml").item("CAT-05").past is False
    assert "past" not in str(checklist.to_dict()["sections"][0])  # unset: body unchanged
    assert Checklist.from_dict(checklist.to_dict()) == checklist


@pytest.mark.parametrize("value", ['"today"', "1", '"true"'])
def test_past_must_be_true_or_false(value: str) -> None:
    text = GOOD + DATE_ITEM.replace('answer = "date"', f'answer = "date"\npast = {value}')
    [error] = _errors(text)
    assert (error.line, error.item_code) == (_line_of(text, f"past = {value}"), "CAT-05")
    assert error.message.startswith("past must be true (the date is of something done")
    assert error.message.endswith(f"or false (got {value}): correct it")


def test_past_is_only_for_a_date() -> None:
    text = GOOD.replace("min = 1", "min = 1\npast = true")
    [error] = _errors(text)
    assert (error.line, error.item_code) == (_line_of(text, "past = true"), "COM-01")
    assert error.message == (
        'past is only for answer "date" (answer is "number"): delete past, or change answer'
    )


def test_bad_code_format() -> None:
    text = GOOD.replace('code = "CAT-02"', 'code = "cat2"')
    [error] = _errors(text)
    assert (error.line, error.item_code) == (_line_of(text, 'code = "cat2"'), "cat2")
    assert "ABC-01" in error.message


def test_top_level_errors() -> None:
    text = GOOD.replace("version = 1", "version = 0").replace(
        'kinds = ["small_restaurant"]', 'kinds = ["restaurant"]'
    )
    errors = _errors(text)
    assert [(e.line, e.item_code) for e in errors] == [(2, ""), (3, "")]
    assert "version must be a positive integer" in errors[0].message
    assert 'unknown venue kind "restaurant"' in errors[1].message
    assert str(errors[0]).startswith("small_restaurant.toml:2: version")


def test_no_sections() -> None:
    text = GOOD[: GOOD.index("[[sections]]")] + "sections = []\n"
    [error] = _errors(text)
    assert error.message == "there are no sections: write at least one [[sections]] table"


def test_every_error_is_collected_not_only_the_first() -> None:
    text = (
        GOOD.replace(
            'severity = "general"\nrectification_days = 7',
            'severity = "bad"\nrectification_days = -2',
        )
        .replace('code = "CAT-02"', 'code = "CAT-01"')
        .replace('photo = "on_fail"', 'photo = "sometimes"')
    )
    errors = _errors(text)
    assert len(errors) == 4
    assert [e.line for e in errors] == sorted(e.line for e in errors)


def test_load_raises_with_all_errors() -> None:
    text = GOOD.replace('answer = "yesno"', 'answer = "maybe"')
    with pytest.raises(ChecklistInvalid) as caught:
        load_checklist_text(text, "small_restaurant.toml")
    assert len(caught.value.errors) == 2
    assert "small_restaurant.toml:" in str(caught.value)
