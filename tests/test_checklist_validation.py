"""The shipped checklist files, the validator's error reports and `fieldapp checklist validate`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain.checklist import Checklist
from fieldapp.domain.checklist_toml import (
    ChecklistError,
    ChecklistInvalid,
    load_checklist_text,
    validate_checklist_text,
)
from fieldapp.domain.kinds import KIND_CODE, VENUE_KINDS
from fieldapp.i18n import set_language
from fieldapp.paths import CHECKLISTS_DIR


@pytest.fixture(autouse=True)
def _english() -> None:
    """These tests assert the problems' English wording (each test's language is restored
    after it); the Chinese wording is asserted by the tests that name it."""
    set_language("en")


def _com(*numbers: int) -> list[str]:
    return [f"COM-{n:02d}" for n in numbers]


def _own(prefix: str, count: int, *, without: tuple[int, ...] = ()) -> list[str]:
    return [f"{prefix}-{n:02d}" for n in range(1, count + 1) if n not in without]


# domain.md section 2: the core items and the kind's own items, in order; the epidemic
# items (M(e) and the epidemic orders of 篇一/篇二) live in the epidemic campaign. The
# domain review added the core checks each kind lacked and COM-17 (a gas alarm wherever
# gas is used, shown by the venue's has_gas); RNT-10 went, RNT-11, CAT-08, TIO-10/11,
# SUP-09 and NET-07 came.
EXPECTED_CODES: dict[str, list[str]] = {
    "market": _com(*range(1, 10), 11, 12, 13, 17) + _own("MKT", 8, without=(3, 4, 5, 6, 7)),
    "hotel": _com(1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 17) + _own("HTL", 8, without=(2, 3, 4)),
    "supermarket": _com(*range(1, 10), 12, 17) + _own("SUP", 9, without=(2,)),
    "small_shop": _com(*range(1, 13), 15, 17) + _own("SHP", 4),
    "small_school": _com(1, 2, 3, 4, 5, 6, 7, 9, 10, 16) + _own("SCH", 9),
    "small_restaurant": _com(*range(1, 10), 11, 12)
    + ["CAT-01", "CAT-02", "CAT-03", "CAT-04", "CAT-08", "CAT-05", "CAT-06"],
    "small_hotel": _com(*range(1, 13), 17) + _own("INN", 6),
    "internet_cafe": _com(*range(1, 11), 12, 13, 17) + _own("NET", 7, without=(6,)),
    "small_workshop": _com(*range(1, 10), 11, 12, 13, 14, 16, 17) + _own("FAC", 6),
    "rental_housing": _com(1, 2, 3, 4, 7, 8, 9, 10, 17)
    + ["RNT-01", "RNT-11", "RNT-12", "RNT-03", "RNT-06", "RNT-08", "RNT-09", "RNT-13"]
    + ["RNT-02", "RNT-04", "RNT-05"]  # room by room (repeated per room let)
    + ["RNT-07"],  # partitions, asked where rooms are partitioned
    "three_in_one": _com(*range(1, 10), 12, 17)
    + ["TIO-01", "TIO-02", "TIO-03", "TIO-04", "TIO-05", "TIO-10", "TIO-11"]
    + ["TIO-06", "TIO-07", "TIO-08", "TIO-09"],
}

# Versions raised since the first: the epidemic items moved to the campaign (2), then
# the domain review's fixes (every file).
# Then every file whose choices have options gave them English labels (one more), then
# every file's counts are whole numbers (integer: one more, for every file), then every
# file's basis lines in English (basis_en: one more, for every file).
EXPECTED_VERSIONS = {
    "rental_housing": 6,  # then room by room
    "market": 6,
    "hotel": 6,
    "supermarket": 6,
    "small_restaurant": 6,  # then a last cleaning date is never after today (past)
    "small_school": 6,  # the same for the last drill's date
    "internet_cafe": 6,
}

EXTRA_SECTIONS = {"rental_housing": ("RNR", "RNP")}  # rooms (repeated), partitions (shown if)

EPIDEMIC_CODES = {
    "hotel": ["HTL-02", "HTL-03", "HTL-04"],
    "market": ["MKT-03", "MKT-04", "MKT-05", "MKT-06", "MKT-07"],
    "supermarket": ["SUP-02"],
    "small_restaurant": ["CAT-07"],
    "internet_cafe": ["NET-06"],
}

GOOD = """\
id = "small_restaurant"
version = 1
kinds = ["small_restaurant"]
title_zh = "小餐饮巡查表"
title_en = "Small restaurant checklist"

[[sections]]
code = "COM"
zh = "通用消防检查"
en = "Core checks"

[[sections.items]]
code = "COM-01"
zh = "灭火器数量达标"
en = "Extinguishers present (count)"
answer = "number"
severity = "general"
rectification_days = 3
photo = "on_fail"
min = 1

[[sections]]
code = "CAT"
zh = "小餐饮专项检查"
en = "Small restaurant checks"

[[sections.items]]
code = "CAT-01"
zh = "可燃气体报警器有效"
en = "Gas-leak detector working"
answer = "yesno"
severity = "general"
rectification_days = 7

[[sections.items]]
code = "CAT-02"
zh = "燃气软管无老化松脱"
en = "Gas hose sound and secure"
answer = "yesno"
severity = "general"
rectification_days = 1
"""


def _line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `fragment`."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[occurrence - 1]


def _errors(text: str) -> list[ChecklistError]:
    return validate_checklist_text(text, "small_restaurant.toml")


# --- the shipped files --------------------------------------------------------------------


def test_one_file_per_venue_kind() -> None:
    assert sorted(p.stem for p in CHECKLISTS_DIR.glob("*.toml")) == sorted(VENUE_KINDS)


@pytest.mark.parametrize("kind", VENUE_KINDS)
def test_shipped_checklist_is_valid_and_has_the_domain_codes(kind: str) -> None:
    path = CHECKLISTS_DIR / f"{kind}.toml"
    text = path.read_text(encoding="utf-8")
    assert validate_checklist_text(text, path.name) == []
    checklist = load_checklist_text(text, path.name)
    assert checklist.id == kind
    assert checklist.version == EXPECTED_VERSIONS.get(kind, 5)
    assert checklist.kinds == (kind,)
    extra = EXTRA_SECTIONS.get(kind, ())
    assert [s.code for s in checklist.sections] == ["COM", KIND_CODE[kind], *extra]
    assert [item.code for item in checklist.items] == EXPECTED_CODES[kind]
    for item in checklist.items:
        assert item.zh and item.en and item.basis
    # The stored form round-trips.
    assert Checklist.from_dict(checklist.to_dict()) == checklist


def epidemic_item(kind: str, code: str):  # type: ignore[no-untyped-def]
    from fieldapp.domain.campaigns_toml import load_campaign_text
    from fieldapp.paths import CAMPAIGNS_DIR

    path = CAMPAIGNS_DIR / "epidemic.toml"
    campaign = load_campaign_text(path.read_text(encoding="utf-8"), path.name)
    return next(i for s in campaign.sections_for(kind) for i in s.items if i.code == code)


def test_the_epidemic_campaign_holds_the_epidemic_items_with_their_codes() -> None:
    from fieldapp.domain.campaigns_toml import load_campaign_text
    from fieldapp.paths import CAMPAIGNS_DIR

    path = CAMPAIGNS_DIR / "epidemic.toml"
    campaign = load_campaign_text(path.read_text(encoding="utf-8"), path.name)
    assert campaign.phases == ("无病例", "有病例", "社区传播")
    for kind, codes in EPIDEMIC_CODES.items():
        assert [i.code for s in campaign.sections_for(kind) for i in s.items] == codes
    assert epidemic_item("small_restaurant", "CAT-07").show_if  # only once there are cases
    assert epidemic_item("internet_cafe", "NET-06").show_if  # closures: community spread
    # Conditions name a phase in Chinese; an English screen shows its English name.
    assert campaign.phase_name("有病例", "en") == "Cases"
    assert campaign.phase_name("有病例", "zh") == "有病例"


def test_english_phase_names_name_each_phase_once() -> None:
    from fieldapp.domain.campaigns_toml import load_campaign_text
    from fieldapp.paths import CAMPAIGNS_DIR

    text = (CAMPAIGNS_DIR / "epidemic.toml").read_text(encoding="utf-8")
    short = text.replace('"Community spread"]', "]", 1)
    with pytest.raises(ChecklistInvalid) as refused:
        load_campaign_text(short, "epidemic.toml")
    assert "phases_en names each phase once, in its order" in str(refused.value)


def test_shipped_items_carry_the_domain_rules() -> None:
    def item(kind: str, code: str):  # type: ignore[no-untyped-def]
        path = CHECKLISTS_DIR / f"{kind}.toml"
        return load_checklist_text(path.read_text(encoding="utf-8"), path.name).item(code)

    assert item("small_shop", "SHP-02").max == 1
    assert item("small_shop", "SHP-02").severity == "major"
    # at most 2 per room is a local rule: a threshold the office may change
    assert item("rental_housing", "RNT-02").fail_if == "value > param.max_people_per_room"
    assert rules("rental_housing").params["max_people_per_room"] == 2
    assert item("market", "MKT-01").photo == "always"
    assert epidemic_item("market", "MKT-03").severity == "major"  # M(e)
    assert item("small_restaurant", "COM-04").severity == "major"  # M*
    assert item("small_restaurant", "CAT-04").answer == "number"
    assert item("small_restaurant", "CAT-04").photo == "on_fail"
    assert item("small_restaurant", "CAT-05").rectification_days == 15
    assert item("hotel", "HTL-05").rectification_days == 30
    assert item("small_workshop", "COM-14").note  # YN+T: the note says what to write


def rules(kind: str) -> Checklist:
    path = CHECKLISTS_DIR / f"{kind}.toml"
    return load_checklist_text(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("kind", VENUE_KINDS)
def test_the_domain_reviews_fixes_hold_in_every_checklist(kind: str) -> None:
    checklist = rules(kind)
    # GB 50140-2005 §6.1.1: at least 2 extinguishers per calculation unit
    assert checklist.item("COM-01").fail_if == "value < param.min_extinguishers"
    assert checklist.params["min_extinguishers"] == 2
    # a number or date item either can fail or is information only
    for item in checklist.items:
        if item.answer in ("number", "date") and item.severity != "none":
            assert item.fail_if or item.min is not None or item.max is not None, item.code
    codes = [item.code for item in checklist.items]
    if "COM-16" in codes:  # sandwich panels: §6.10, a direct major when slept in
        panels = checklist.item("COM-16")
        assert "§6.10" in panels.basis
        assert dict(zip(panels.choices, panels.outcomes, strict=True))["有，用于住宿"] == "major"
    if "COM-17" in codes:
        assert checklist.item("COM-17").show_if == "venue.has_gas"


def test_the_domain_reviews_item_fixes() -> None:
    def item(kind: str, code: str):  # type: ignore[no-untyped-def]
        return rules(kind).item(code)

    for kind, code in (("supermarket", "SUP-09"), ("internet_cafe", "NET-07"), ("hotel", "HTL-05")):
        sprinklers = item(kind, code)
        assert sprinklers.basis.endswith("§6.6")
        assert dict(zip(sprinklers.choices, sprinklers.outcomes, strict=True))["未设置"] == "major"
    assert item("rental_housing", "RNT-03").severity == "major"
    assert item("rental_housing", "RNT-03").rectification_days == 0
    assert "RNT-10" not in [i.code for i in rules("rental_housing").items]
    assert [item("three_in_one", c).fail_if for c in ("TIO-05", "TIO-10", "TIO-11")] == [
        "value < 1.0",
        "value < 0.8",
        "value > 1.2",
    ]
    assert item("small_restaurant", "CAT-05").fail_if.startswith("days_since(value)")
    assert item("small_school", "SCH-07").fail_if.startswith("days_since(value)")


def test_every_shipped_date_of_something_done_is_never_after_today() -> None:
    # The last hood cleaning and this term's drill are dates of something done (`past`);
    # no shipped date item asks for a date ahead (a licence's expiry would not be past).
    dates = {
        (kind, item.code): item.past
        for kind in VENUE_KINDS
        for item in rules(kind).items
        if item.answer == "date"
    }
    assert dates == {("small_restaurant", "CAT-05"): True, ("small_school", "SCH-07"): True}


# --- broken files ---------------------------------------------------------------------------


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
        'severity must be one of general, major, none (got "sever")'
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
    assert error.message == 'unknown key "photto" (did you mean "photo"?)'


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
    assert error.message.endswith(f"or false (got {value})")


def test_past_is_only_for_a_date() -> None:
    text = GOOD.replace("min = 1", "min = 1\npast = true")
    [error] = _errors(text)
    assert (error.line, error.item_code) == (_line_of(text, "past = true"), "COM-01")
    assert error.message == 'past is only for answer "date" (answer is "number")'


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
    assert "sections must be a non-empty list" in error.message


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


# --- the command line -----------------------------------------------------------------------


def test_cli_validate_broken_file_exits_1_with_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "small_restaurant.toml"
    text = GOOD.replace(
        'severity = "general"\nrectification_days = 1', 'severity = "sever"\nrectification_days = 1'
    )
    bad.write_text(text, encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--lang", "en", "checklist", "validate", str(good), str(bad)]
    )
    assert result.exit_code == 1
    line = _line_of(text, '"sever"')
    assert f"{bad}:{line}: CAT-02: severity must be one of general, major, none" in result.output
    assert f"{good}: OK" in result.output


def test_cli_validate_good_files_exit_0() -> None:
    files = [str(p) for p in sorted(CHECKLISTS_DIR.glob("*.toml"))]
    result = CliRunner().invoke(main, ["--lang", "en", "checklist", "validate", *files])
    assert result.exit_code == 0, result.output
    assert result.output.count(": OK (") == len(VENUE_KINDS)


def test_cli_validate_missing_file_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["checklist", "validate", str(tmp_path / "nope.toml")])
    assert result.exit_code == 1
    assert "nope.toml" in result.output
