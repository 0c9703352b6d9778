"""The person form (F11, n) at 80×24 says what is wrong with an ID number whose only
fault is its check digit, and refuses a phone that is neither a Chinese mobile nor a
landline with its area code, showing the forms it takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin
from pilot_support import open_screen, settle
from textual.widgets import Input, Select, Static

from fieldapp.domain import personal
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens.people import PeopleScreen

pytestmark = pytest.mark.usefixtures("chinese")

WRONG_CHECK_DIGIT = "350200199001011234"  # 18 characters, a real birth date, wrong last digit


@pytest.fixture
def unlocked(demo_home: Path) -> Path:
    key_behind_pin()
    return demo_home


async def test_a_wrong_check_digit_and_a_five_digit_phone_are_said_as_such(
    unlocked: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        dialog.query_one("#person-grid", Select).value = dialog.grids[0][1]
        for name, value in {
            "name": "李四",
            "id_number": WRONG_CHECK_DIGIT,
            "phone": "12345",
        }.items():
            dialog.query_one(f"#person-{name}", Input).value = value
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        problems = str(dialog.query_one("#person-problems", Static).render())
    assert "校验位" in problems and "应为18位" not in problems
    assert "11位手机号" in problems and "0591-1234567" in problems


@pytest.mark.parametrize(
    "phone",
    [
        "13800138000",
        "138-0013-8000",
        "+8613800138000",
        "0591-1234567",
        "05911234567",
        "010-12345678",
        "(0591) 1234567",
    ],  # fmt: skip
)
def test_chinese_mobiles_and_landlines_are_phones(phone: str) -> None:
    assert personal.phone_problem(phone) is None


@pytest.mark.parametrize("phone", ["12345", "1380013800", "23800138000", "0591-123", "110"])
def test_other_numbers_are_not(phone: str) -> None:
    assert personal.phone_problem(phone) is not None


def test_each_fault_of_an_id_number_is_told_apart() -> None:
    right = WRONG_CHECK_DIGIT[:17] + personal.id_check_character(WRONG_CHECK_DIGIT[:17])
    assert personal.id_number_fault(right) is None
    assert personal.id_number_fault(WRONG_CHECK_DIGIT) == "check_digit"
    assert personal.id_number_fault("35020019901301123X") == "birth_date"
    assert personal.id_number_fault("3502001990010112") == "shape"
